package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.firstField;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class DiplomaticEventEndpointsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;
  String rutte;
  String hegseth;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(mvc, jdbc, json);
    rutte = api.registerActor(unique("rutte"), "PERSON", "Mark Rutte");
    hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");
  }

  @Test
  void recordEvent_answers201() throws Exception {
    String id = unique("dinner");

    MvcResult result =
        api.perform(
            postJson(
                "/api/events",
                """
                {"eventId":"%s","kind":"DINNER","title":"Rutte–Hegseth dinner",
                 "time":{"at":"2025-02-12T00:00:00Z","precision":"DAY"},"location":"Brussels",
                 "participants":[{"actorId":"%s","part":"HOST"},{"actorId":"%s","part":"GUEST"}],
                 "status":"TOOK_PLACE"}
                """
                    .formatted(id, rutte, hegseth)));

    assertThat(result.getResponse().getStatus()).isEqualTo(201);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/streams/" + id);
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void amend_withTheCurrentVersionInIfMatch_answers200WithTheNextVersion() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);

    MvcResult result =
        api.perform(
            postJson(
                    "/api/events/" + id + "/amendments",
                    "{\"location\":\"World Forum, The Hague\",\"reason\":\"venue announced\"}")
                .header("If-Match", "\"0\""));

    assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
    assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
    assertThat(api.body(result).get("version").asLong()).isEqualTo(1);
  }

  @Test
  void amend_withAStaleOrFutureIfMatch_is409_andStoresNothing() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);
    amend(id, "{\"title\":\"NATO summit 2025\",\"reason\":\"official name\"}", "\"0\"");

    MvcResult stale = amend(id, "{\"location\":\"Rotterdam\",\"reason\":\"a guess\"}", "\"0\"");
    MvcResult future = amend(id, "{\"location\":\"Rotterdam\",\"reason\":\"a guess\"}", "\"7\"");

    JsonNode problem = api.assertProblem(stale, 409, "version-conflict");
    assertThat(firstField(problem)).isEqualTo("expectedVersion");
    assertThat(problem.at("/errors/0/reason").asText())
        .contains("expected version 0")
        .contains("at version 1");
    api.assertProblem(future, 409, "version-conflict");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void amend_withAMalformedIfMatch_is400NamingTheHeader() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);

    MvcResult weak = amend(id, "{\"location\":\"Rotterdam\",\"reason\":\"r\"}", "W/\"0\"");
    MvcResult star = amend(id, "{\"location\":\"Rotterdam\",\"reason\":\"r\"}", "*");

    assertThat(firstField(api.assertProblem(weak, 400, "malformed-request"))).isEqualTo("If-Match");
    assertThat(firstField(api.assertProblem(star, 400, "malformed-request"))).isEqualTo("If-Match");
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void amend_withoutIfMatch_isAccepted() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);

    MvcResult result = amend(id, "{\"location\":\"Den Haag\",\"reason\":\"Dutch name\"}", null);

    assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
  }

  @Test
  void markHeld_thenCancel_isA409WrongState() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);

    MvcResult held =
        api.perform(
            postJson(
                "/api/events/" + id + "/held",
                "{\"time\":{\"at\":\"2025-06-24T00:00:00Z\",\"precision\":\"DAY\"}}"));
    MvcResult cancelled =
        api.perform(postJson("/api/events/" + id + "/cancellation", "{\"reason\":\"too late\"}"));

    assertThat(held.getResponse().getStatus()).as(body(held)).isEqualTo(200);
    assertThat(api.body(held).get("version").asLong()).isEqualTo(1);
    JsonNode problem = api.assertProblem(cancelled, 409, "wrong-state");
    assertThat(firstField(problem)).isEqualTo("status");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void cancel_andRetract_answer200() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);

    MvcResult cancelled =
        api.perform(postJson("/api/events/" + id + "/cancellation", "{\"reason\":\"postponed\"}"));
    MvcResult retracted =
        api.perform(
            postJson("/api/events/" + id + "/retraction", "{\"reason\":\"never planned\"}"));

    assertThat(cancelled.getResponse().getStatus()).as(body(cancelled)).isEqualTo(200);
    assertThat(retracted.getResponse().getStatus()).as(body(retracted)).isEqualTo(200);
    assertThat(api.body(retracted).get("version").asLong()).isEqualTo(2);
  }

  @Test
  void amend_afterRetraction_isA409WrongState() throws Exception {
    String id = api.recordScheduledEvent(unique("summit"), rutte);
    api.perform(postJson("/api/events/" + id + "/retraction", "{\"reason\":\"duplicate\"}"));

    MvcResult result = amend(id, "{\"title\":\"x\",\"reason\":\"y\"}", null);

    assertThat(firstField(api.assertProblem(result, 409, "wrong-state"))).isEqualTo("eventId");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void unknownParticipant_is404NamingItsPath() throws Exception {
    String id = unique("summit");

    MvcResult result =
        api.perform(
            postJson(
                "/api/events",
                """
                {"eventId":"%s","kind":"MEETING","title":"Ministers' meeting",
                 "time":{"at":"2025-02-13T00:00:00Z","precision":"DAY"},
                 "participants":[{"actorId":"%s","part":"HOST"},{"actorId":"ghost","part":"GUEST"}],
                 "status":"TOOK_PLACE"}
                """
                    .formatted(id, rutte)));

    JsonNode problem = api.assertProblem(result, 404, "unknown-reference");
    assertThat(firstField(problem)).isEqualTo("participants[1].actorId");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void nestedValidation_is400NamingTheNestedPath() throws Exception {
    String id = unique("summit");

    MvcResult result =
        api.perform(
            postJson(
                "/api/events",
                """
                {"eventId":"%s","kind":"MEETING","title":"Meeting",
                 "time":{"at":"2025-02-13T00:00:00Z"},
                 "participants":[{"actorId":"%s"}],"status":"TOOK_PLACE"}
                """
                    .formatted(id, rutte)));

    JsonNode problem = api.assertProblem(result, 400, "invalid-command");
    assertThat(problem.get("errors").findValuesAsText("field"))
        .containsExactly("participants[0].part", "time.precision");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void unknownEventInPath_is404() throws Exception {
    MvcResult result = api.perform(postJson("/api/events/" + unique("ghost") + "/held", "{}"));

    assertThat(firstField(api.assertProblem(result, 404, "unknown-reference")))
        .isEqualTo("eventId");
  }

  private MvcResult amend(String id, String body, String ifMatch) throws Exception {
    var request = postJson("/api/events/" + id + "/amendments", body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return api.perform(request);
  }

  private static String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }
}
