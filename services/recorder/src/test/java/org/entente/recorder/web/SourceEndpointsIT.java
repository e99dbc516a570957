package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.firstField;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class SourceEndpointsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void registerSource_answers201_andStoresTheTextWithItsSha256() throws Exception {
    String id = unique("nos");

    MvcResult result =
        api.perform(
            postJson(
                "/api/sources",
                "{\"sourceId\":\""
                    + id
                    + "\",\"publisher\":\"NOS\",\"title\":\"NAVO-top\","
                    + "\"language\":\"nl\",\"text\":\"abc\"}"));

    assertThat(result.getResponse().getStatus()).isEqualTo(201);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/streams/" + id);
    assertThat(api.body(result).get("version").asLong()).isZero();
    String sha =
        jdbc.queryForObject(
            "select convert_from(payload, 'UTF8')::jsonb ->> 'textSha256' from domain_event_entry"
                + " where aggregate_identifier = ?",
            String.class,
            id);
    assertThat(sha).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void registerSource_withABadLanguageTagAndNoPublisher_is400NamingBothFields() throws Exception {
    String id = unique("nos");

    MvcResult result =
        api.perform(
            postJson(
                "/api/sources",
                "{\"sourceId\":\"" + id + "\",\"title\":\"t\",\"language\":\"Dutch!\"}"));

    var problem = api.assertProblem(result, 400, "invalid-command");
    assertThat(problem.get("errors").findValuesAsText("field"))
        .containsExactly("language", "publisher");
    assertThat(problem.at("/errors/0/reason").asText()).contains("BCP 47");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void registerSource_withAUrlThatIsNoHttpUrl_is400NamingIt() throws Exception {
    String id = unique("nos");

    MvcResult result =
        api.perform(
            postJson(
                "/api/sources",
                "{\"sourceId\":\""
                    + id
                    + "\",\"publisher\":\"NOS\",\"title\":\"t\",\"language\":\"nl\","
                    + "\"url\":\"not a url\"}"));

    var problem = api.assertProblem(result, 400, "invalid-command");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactly("url");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void registerSource_withAMalformedPublicationTime_is400NamingIt() throws Exception {
    MvcResult result =
        api.perform(
            postJson(
                "/api/sources",
                "{\"publisher\":\"NOS\",\"title\":\"t\",\"language\":\"nl\","
                    + "\"publishedAt\":\"13-02-2025\"}"));

    var problem = api.assertProblem(result, 400, "malformed-request");
    assertThat(firstField(problem)).isEqualTo("publishedAt");
    assertThat(problem.at("/errors/0/reason").asText()).contains("ISO-8601 instant");
  }
}
