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

  /** The text of the test source: a quote at known offsets. */
  public static final String SOURCE_TEXT =
      "EU-buitenlandchef Kaja Kallas gaat nog een stap verder. \"Je kunt niet alles van de"
          + " onderhandelingstafel halen.\"";

  public static final String KALLAS_QUOTE = "Je kunt niet alles van de onderhandelingstafel halen.";

  public static int quoteStart() {
    return SOURCE_TEXT.indexOf(KALLAS_QUOTE);
  }

  public static int quoteEnd() {
    return quoteStart() + KALLAS_QUOTE.length();
  }

  public String registerSource(String id) throws Exception {
    return created(
        "/api/sources",
        """
        {"sourceId":"%s","publisher":"NOS","url":"https://nos.nl/l/1","title":"NAVO-top",
         "publishedAt":"2025-02-13T12:00:00Z","language":"nl","text":"%s"}
        """
            .formatted(id, SOURCE_TEXT.replace("\"", "\\\"")));
  }

  /** A scheduled meeting with the given actors attending. */
  public String recordScheduledEvent(String id, String... attendees) throws Exception {
    StringBuilder participants = new StringBuilder();
    for (String attendee : attendees) {
      if (!participants.isEmpty()) {
        participants.append(',');
      }
      participants.append("{\"actorId\":\"%s\",\"part\":\"ATTENDEE\"}".formatted(attendee));
    }
    return created(
        "/api/events",
        """
        {"eventId":"%s","kind":"SUMMIT","title":"NATO summit","location":"The Hague",
         "time":{"at":"2025-06-01T00:00:00Z","precision":"MONTH"},
         "participants":[%s],"status":"SCHEDULED"}
        """
            .formatted(id, participants));
  }

  /** Kallas criticises the United States, citing the test source as a direct quote. */
  public static String statementBody(String id, String speaker, String target, String source) {
    return """
        {"statementId":"%s","speakerId":"%s","targetIds":["%s"],
         "saidAt":{"at":"2025-02-13T09:00:00Z","precision":"INSTANT"},
         "stance":"CRITICISM","cameoCode":"111",
         "weight":{"value":-2.0,"scale":"goldstein","scaleVersion":"cameo-1.1b3"},
         "topics":["ukraine"],
         "original":{"language":"nl","text":"%s"},
         "citations":[{"sourceId":"%s","grade":"DIRECT_QUOTE",
                       "excerpt":{"start":%d,"end":%d,"quote":"%s"}}]}
        """
        .formatted(
            id, speaker, target, KALLAS_QUOTE, source, quoteStart(), quoteEnd(), KALLAS_QUOTE);
  }

  public String recordStatement(String id, String speaker, String target, String source)
      throws Exception {
    return created("/api/statements", statementBody(id, speaker, target, source));
  }

  private String created(String path, String body) throws Exception {
    MvcResult result = perform(postJson(path, body));
    if (result.getResponse().getStatus() != 201) {
      throw new AssertionError(
          "POST " + path + " failed: " + result.getResponse().getContentAsString());
    }
    return body(result).get("id").asText();
  }

  /**
   * Asserts an RFC 9457 problem answer of this status and type naming at least one field, and
   * returns it.
   */
  public JsonNode assertProblem(MvcResult result, int status, String type) throws Exception {
    org.assertj.core.api.Assertions.assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(result.getResponse().getContentType())
        .startsWith("application/problem+json");
    JsonNode problem = body(result);
    org.assertj.core.api.Assertions.assertThat(problem.get("type").asText())
        .isEqualTo("urn:entente:problem:" + type);
    org.assertj.core.api.Assertions.assertThat(problem.get("status").asInt()).isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(problem.get("errors")).isNotEmpty();
    return problem;
  }

  /** The field named by a problem's first error. */
  public static String firstField(JsonNode problem) {
    return problem.at("/errors/0/field").asText();
  }
}
