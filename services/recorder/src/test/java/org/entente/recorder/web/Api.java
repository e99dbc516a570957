package org.entente.recorder.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Small helpers for the HTTP tests: posting JSON, reading answers and counting stored events. */
public final class Api {

  private final MockMvc mvc;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public Api(MockMvc mvc, JdbcTemplate jdbc, ObjectMapper json) {
    this.mvc = mvc;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** An id no other test uses, readable in failure messages. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static MockHttpServletRequestBuilder postJson(String path, String body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn();
  }

  public JsonNode body(MvcResult result) throws Exception {
    return json.readTree(result.getResponse().getContentAsByteArray());
  }

  public long events(String aggregateId) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from domain_event_entry where aggregate_identifier = ?",
            Long.class,
            aggregateId);
    return count == null ? 0 : count;
  }

  public long allEvents() {
    Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    return count == null ? 0 : count;
  }

  /** Registers an actor over HTTP and returns its id. */
  public String registerActor(String id, String kind, String name) throws Exception {
    MvcResult result =
        perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\""
                    + kind
                    + "\",\"name\":\""
                    + name
                    + "\"}"));
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError(
          "registering " + id + " failed: " + result.getResponse().getContentAsString());
    }
    return id;
  }
}
