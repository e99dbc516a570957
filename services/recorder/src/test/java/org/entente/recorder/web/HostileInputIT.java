package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.firstField;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.statementBody;
import static org.entente.recorder.web.Api.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.entente.api.common.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Input the read side cannot store (issue 8, found items 2, 4 and 5) is refused at the edge with a
 * problem naming the field, and nothing is stored.
 */
@RecorderHttpTest
class HostileInputIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;
  String kallas;
  String usa;
  String source;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(mvc, jdbc, json);
    kallas = api.registerActor(unique("kallas"), "PERSON", "Kaja Kallas");
    usa = api.registerActor(unique("usa"), "STATE", "United States");
    source = api.registerSource(unique("nos"));
  }

  private JsonNode refused(MvcResult result, String field) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(400);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode problem = api.body(result);
    assertThat(problem.get("errors")).isNotEmpty();
    assertThat(firstField(problem)).isEqualTo(field);
    return problem;
  }

  @Test
  void actorName_withNul_isRefusedNamingName() throws Exception {
    String id = unique("nul");
    long before = api.allEvents();

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\"" + id + "\",\"kind\":\"PERSON\",\"name\":\"a\\u0000b\"}"));

    assertThat(refused(result, "name").at("/errors/0/reason").asText()).contains("U+0000");
    assertThat(api.allEvents()).isEqualTo(before);
  }

  @Test
  void actorName_withOtherControlCharacter_isRefused() throws Exception {
    String id = unique("ctl");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\"" + id + "\",\"kind\":\"PERSON\",\"name\":\"a\\u001bb\"}"));

    refused(result, "name");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void aliasWithNul_andExternalIdKeyWithNul_areNamedByTheirPath() throws Exception {
    String id = unique("alias");

    MvcResult alias =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"PERSON\",\"name\":\"A\",\"aliases\":[\"ok\",\"x\\u0000\"]}"));
    MvcResult key =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"PERSON\",\"name\":\"A\",\"externalIds\":{\"a\\u0000\":\"1\"}}"));

    refused(alias, "aliases[1]");
    assertThat(firstField(api.body(key))).startsWith("externalIds[");
    assertThat(key.getResponse().getStatus()).isEqualTo(400);
    assertThat(api.events(id)).isZero();
  }

  @Test
  void nulInAReferenceId_is400NotA500() throws Exception {
    String id = unique("st");
    String body = statementBody(id, kallas, usa, source).replace(kallas, "kal\\u0000las");

    MvcResult result = api.perform(postJson("/api/statements", body));

    refused(result, "speakerId");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void nulInAPathId_is400NotA500() throws Exception {
    MvcResult retraction =
        api.perform(
            post("/api/statements/{id}/retraction", "st\u0000x")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"wrong\"}"));
    MvcResult stream = api.perform(get("/api/streams/{id}", "st\u0000x"));

    refused(retraction, "statementId");
    refused(stream, "aggregateId");
  }

  @Test
  void nanWeight_isRefusedNamingTheWeight() throws Exception {
    String id = unique("st");
    String body = statementBody(id, kallas, usa, source).replace("-2.0", "\"NaN\"");

    MvcResult result = api.perform(postJson("/api/statements", body));

    refused(result, "weight.value");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void infiniteWeight_withOverrideReason_isStillRefused() throws Exception {
    String id = unique("st");
    String body =
        statementBody(id, kallas, usa, source)
            .replace("-2.0", "\"-Infinity\"")
            .replace("\"topics\"", "\"weightOverrideReason\":\"why not\",\"topics\"");

    MvcResult result = api.perform(postJson("/api/statements", body));

    refused(result, "weight.value");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void instantPostgresCannotHold_isRefusedNamingIt() throws Exception {
    String id = unique("st");
    String body =
        statementBody(id, kallas, usa, source)
            .replace("2025-02-13T09:00:00Z", "+300000-01-01T00:00:00Z");

    MvcResult result = api.perform(postJson("/api/statements", body));

    refused(result, "saidAt.at");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void membershipDateOutOfRange_isRefusedNamingIt() throws Exception {
    MvcResult result =
        api.perform(
            postJson(
                "/api/actors/" + kallas + "/memberships",
                "{\"groupId\":\"" + usa + "\",\"from\":\"+10000-01-01\"}"));

    refused(result, "from");
    assertThat(api.events(kallas)).isEqualTo(1);
  }

  @Test
  void dayPrecision_notAtMidnightUtc_isRefused() throws Exception {
    String id = unique("ev");

    MvcResult result =
        api.perform(
            postJson(
                "/api/events",
                """
                {"eventId":"%s","kind":"MEETING","title":"Meeting",
                 "time":{"at":"2025-02-12T09:30:00Z","precision":"DAY"},"status":"SCHEDULED"}
                """
                    .formatted(id)));

    refused(result, "time.at");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void tooLongName_andTooManyTopics_areRefused() throws Exception {
    String id = unique("long");
    MvcResult name =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"PERSON\",\"name\":\""
                    + "x".repeat(Limits.SHORT_TEXT + 1)
                    + "\"}"));
    String topics = "[" + "\"t\",".repeat(Limits.LIST_ENTRIES) + "\"t\"" + "]";
    String st = unique("st");
    MvcResult many =
        api.perform(
            postJson(
                "/api/statements",
                statementBody(st, kallas, usa, source).replace("[\"ukraine\"]", topics)));

    refused(name, "name");
    refused(many, "topics");
    assertThat(api.events(id) + api.events(st)).isZero();
  }

  @Test
  void newlinesAndTabs_inLongTexts_areKept() throws Exception {
    String retracted = unique("st");
    api.recordStatement(retracted, kallas, usa, source);

    MvcResult retraction =
        api.perform(
            postJson(
                "/api/statements/" + retracted + "/retraction",
                "{\"reason\":\"line one\\nline two\\tend\"}"));

    assertThat(retraction.getResponse().getStatus())
        .as(retraction.getResponse().getContentAsString())
        .isEqualTo(200);
  }

  /** Found by the fuzz test: the event was stored, and the client was told 406 without a body. */
  @Test
  void anAcceptHeaderNoAnswerCanMeet_is406BeforeAnythingIsStored() throws Exception {
    for (String accept : new String[] {"nonsense", "text/csv", "application/xml, image/png"}) {
      String id = unique("acc");

      MvcResult result =
          api.perform(
              postJson(
                      "/api/actors",
                      "{\"actorId\":\"" + id + "\",\"kind\":\"PERSON\",\"name\":\"A\"}")
                  .header("Accept", accept));

      assertThat(result.getResponse().getStatus()).as(accept).isEqualTo(406);
      assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
      assertThat(firstField(api.body(result))).isEqualTo("Accept");
      assertThat(api.events(id)).as(accept).isZero();
    }
  }

  @Test
  void importLines_meetTheSameLimits() throws Exception {
    String good = unique("imp");
    String bad = unique("imp");
    String lines =
        ("{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s\",\"kind\":\"PERSON\","
                + "\"name\":\"a\\u0000b\"}}\n"
                + "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s\",\"kind\":\"PERSON\","
                + "\"name\":\"Good\"}}\n")
            .formatted(bad, good);

    MvcResult result =
        api.perform(
            post("/api/import")
                .contentType("application/x-ndjson")
                .content(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    String[] answers = result.getResponse().getContentAsString().split("\n");
    JsonNode first = json.readTree(answers[0]);
    assertThat(first.get("status").asText()).isEqualTo("rejected");
    assertThat(first.at("/problem/status").asInt()).isEqualTo(400);
    assertThat(first.at("/problem/errors/0/field").asText()).isEqualTo("name");
    assertThat(json.readTree(answers[1]).get("status").asText()).isEqualTo("created");
    assertThat(api.events(bad)).isZero();
    assertThat(api.events(good)).isEqualTo(1);
  }
}
