package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class ActorEndpointsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void registerActor_answers201WithLocationVersionAndEtag() throws Exception {
    String id = unique("nato");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"ALLIANCE\",\"name\":\"NATO\","
                    + "\"aliases\":[\"NAVO\"],\"externalIds\":{\"wikidata\":\"Q7184\"}}"));

    assertThat(result.getResponse().getStatus()).isEqualTo(201);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/streams/" + id);
    assertThat(result.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
    JsonNode body = api.body(result);
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("version").asLong()).isZero();
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void registerActor_withoutId_getsAGeneratedUuid() throws Exception {
    MvcResult result =
        api.perform(postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Sweden\"}"));

    assertThat(result.getResponse().getStatus()).isEqualTo(201);
    String id = api.body(result).get("id").asText();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void assignRole_andRecordMembership_answer200WithTheNewVersion() throws Exception {
    String hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");
    String nato = api.registerActor(unique("nato"), "ALLIANCE", "NATO");

    MvcResult role =
        api.perform(
            postJson(
                "/api/actors/" + hegseth + "/roles",
                "{\"title\":\"Secretary of Defense\",\"atActorId\":\""
                    + usa
                    + "\",\"from\":\"2025-01-25\"}"));
    MvcResult membership =
        api.perform(
            postJson(
                "/api/actors/" + usa + "/memberships",
                "{\"actorId\":\""
                    + usa
                    + "\",\"groupId\":\""
                    + nato
                    + "\",\"from\":\"1949-08-24\"}"));

    assertThat(role.getResponse().getStatus()).isEqualTo(200);
    assertThat(role.getResponse().getHeader("Location")).isNull();
    assertThat(role.getResponse().getHeader("ETag")).isEqualTo("\"1\"");
    assertThat(api.body(role).get("id").asText()).isEqualTo(hegseth);
    assertThat(api.body(role).get("version").asLong()).isEqualTo(1);
    assertThat(membership.getResponse().getStatus()).isEqualTo(200);
    assertThat(api.body(membership).get("version").asLong()).isEqualTo(1);
    assertThat(api.events(hegseth)).isEqualTo(2);
    assertThat(api.events(usa)).isEqualTo(2);
  }

  @Test
  void malformedJson_is400NamingWhereTheParserStopped() throws Exception {
    long before = api.allEvents();

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors", "{\"kind\":\"STATE\",\"name\":\"Sweden\",\"aliases\":[\"SE\",}"));

    assertProblem(result, 400, "malformed-request");
    JsonNode error = api.body(result).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("aliases[1]");
    assertThat(error.get("reason").asText()).startsWith("malformed JSON").contains("line 1");
    assertThat(api.allEvents()).isEqualTo(before);
  }

  @Test
  void unknownProperty_is400NamingIt() throws Exception {
    String id = unique("se");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"STATE\",\"name\":\"Sweden\","
                    + "\"recordedBy\":\"mallory\"}"));

    assertProblem(result, 400, "malformed-request");
    JsonNode error = api.body(result).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("recordedBy");
    assertThat(error.get("reason").asText()).contains("unknown property").contains("aliases");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void wrongType_is400NamingTheFieldAndTheAllowedValues() throws Exception {
    String id = unique("se");

    MvcResult wrongEnum =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\"" + id + "\",\"kind\":\"COUNTRY\",\"name\":\"SE\"}"));
    MvcResult wrongShape =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\""
                    + id
                    + "\",\"kind\":\"STATE\",\"name\":\"SE\",\"aliases\":\"x\"}"));
    MvcResult wrongDate =
        api.perform(
            postJson(
                "/api/actors/" + unique("nobody") + "/roles",
                "{\"title\":\"t\",\"atActorId\":\"x\",\"from\":\"25 January 2025\"}"));

    assertProblem(wrongEnum, 400, "malformed-request");
    assertThat(api.body(wrongEnum).at("/errors/0/field").asText()).isEqualTo("kind");
    assertThat(api.body(wrongEnum).at("/errors/0/reason").asText())
        .contains("'COUNTRY' is not one of")
        .contains("ALLIANCE");
    assertThat(api.body(wrongShape).at("/errors/0/field").asText()).isEqualTo("aliases");
    assertThat(api.body(wrongShape).at("/errors/0/reason").asText()).contains("JSON array");
    assertThat(api.body(wrongDate).at("/errors/0/field").asText()).isEqualTo("from");
    assertThat(api.body(wrongDate).at("/errors/0/reason").asText()).contains("ISO-8601 date");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void beanValidation_is400WithOneErrorPerViolatedField() throws Exception {
    String id = unique("se");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors",
                "{\"actorId\":\"" + id + "\",\"name\":\" \",\"aliases\":[\"SE\",\"\"]}"));

    assertProblem(result, 400, "invalid-command");
    JsonNode errors = api.body(result).get("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("aliases[1]", "kind", "name");
    assertThat(errors.findValuesAsText("reason")).allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(api.events(id)).isZero();
  }

  @Test
  void missingBody_isA400ProblemNamingTheBody() throws Exception {
    MvcResult result =
        api.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/actors")
                .contentType(MediaType.APPLICATION_JSON));

    assertProblem(result, 400, "malformed-request");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("body");
  }

  @Test
  void wrongContentType_isA415Problem() throws Exception {
    MvcResult result =
        api.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/actors")
                .contentType(MediaType.TEXT_PLAIN)
                .content("name=Sweden"));

    assertThat(result.getResponse().getStatus()).isEqualTo(415);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("Content-Type");
  }

  @Test
  void wrongMethod_isA405ProblemNamingTheMethod() throws Exception {
    MvcResult result =
        api.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/actors"));

    assertThat(result.getResponse().getStatus()).isEqualTo(405);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(api.body(result).get("type").asText()).isEqualTo("urn:entente:problem:http-405");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("method");
  }

  @Test
  void unknownActorInPath_is404NamingTheIdField() throws Exception {
    String nobody = unique("nobody");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors/" + nobody + "/roles",
                "{\"title\":\"Minister\",\"atActorId\":\"" + usa + "\",\"from\":\"2025-01-25\"}"));

    assertProblem(result, 404, "unknown-reference");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("actorId");
    assertThat(api.body(result).at("/errors/0/reason").asText()).contains(nobody);
    assertThat(api.events(nobody)).isZero();
  }

  @Test
  void unknownReferenceInBody_is404NamingTheField() throws Exception {
    String hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors/" + hegseth + "/roles",
                "{\"title\":\"Minister\",\"atActorId\":\"atlantis\",\"from\":\"2025-01-25\"}"));

    assertProblem(result, 404, "unknown-reference");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("atActorId");
    assertThat(api.events(hegseth)).isEqualTo(1);
  }

  @Test
  void brokenRule_is422NamingTheField() throws Exception {
    String hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");

    MvcResult backwards =
        api.perform(
            postJson(
                "/api/actors/" + hegseth + "/roles",
                "{\"title\":\"Secretary\",\"atActorId\":\""
                    + usa
                    + "\",\"from\":\"2025-01-25\",\"to\":\"2024-01-01\"}"));

    assertProblem(backwards, 422, "rule-violation");
    assertThat(api.body(backwards).at("/errors/0/field").asText()).isEqualTo("to");
    assertThat(api.body(backwards).get("detail").asText()).contains("before it starts");
    assertThat(api.events(hegseth)).isEqualTo(1);
  }

  @Test
  void registeringATakenId_is409NamingTheIdField() throws Exception {
    String id = api.registerActor(unique("nato"), "ALLIANCE", "NATO");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors", "{\"actorId\":\"" + id + "\",\"kind\":\"STATE\",\"name\":\"X\"}"));

    assertProblem(result, 409, "wrong-state");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("actorId");
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void idInBodyDifferentFromPath_is400() throws Exception {
    String usa = api.registerActor(unique("usa"), "STATE", "United States");
    String nato = api.registerActor(unique("nato"), "ALLIANCE", "NATO");

    MvcResult result =
        api.perform(
            postJson(
                "/api/actors/" + usa + "/memberships",
                "{\"actorId\":\"someone-else\",\"groupId\":\""
                    + nato
                    + "\",\"from\":\"1949-08-24\"}"));

    assertProblem(result, 400, "malformed-request");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("actorId");
    assertThat(api.events(usa)).isEqualTo(1);
  }

  @Test
  void ifMatch_onACommandWithoutVersion_is400NamingTheHeader() throws Exception {
    String usa = api.registerActor(unique("usa"), "STATE", "United States");
    String nato = api.registerActor(unique("nato"), "ALLIANCE", "NATO");

    MvcResult result =
        api.perform(
            postJson(
                    "/api/actors/" + usa + "/memberships",
                    "{\"groupId\":\"" + nato + "\",\"from\":\"1949-08-24\"}")
                .header("If-Match", "\"0\""));

    assertProblem(result, 400, "malformed-request");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("If-Match");
  }

  @Test
  void followUpCommand_onAnAggregateOfAnotherKind_is404() throws Exception {
    String usa = api.registerActor(unique("usa"), "STATE", "United States");

    MvcResult result =
        api.perform(postJson("/api/statements/" + usa + "/retraction", "{\"reason\":\"wrong\"}"));

    assertProblem(result, 404, "unknown-reference");
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("statementId");
    assertThat(api.body(result).at("/errors/0/reason").asText()).contains("no statement");
    assertThat(api.events(usa)).isEqualTo(1);
  }

  @Test
  void recordedBy_isThePrincipal_andTheCorrelationIdIsEchoedAndStored() throws Exception {
    String id = unique("eu");

    MvcResult result =
        api.perform(
            postJson(
                    "/api/actors",
                    "{\"actorId\":\"" + id + "\",\"kind\":\"ORGANISATION\",\"name\":\"EU\"}")
                .principal(() -> "analyst-anna")
                .header("X-Correlation-Id", "corr-42"));
    MvcResult anonymous =
        api.perform(postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Nowhere\"}"));

    assertThat(result.getResponse().getHeader("X-Correlation-Id")).isEqualTo("corr-42");
    assertThat(metaData(id, "recordedBy")).isEqualTo("analyst-anna");
    assertThat(metaData(id, "correlationId")).isEqualTo("corr-42");
    String generated = anonymous.getResponse().getHeader("X-Correlation-Id");
    assertThat(generated).isNotBlank();
    String anonymousId = api.body(anonymous).get("id").asText();
    assertThat(metaData(anonymousId, "recordedBy")).isEqualTo("anonymous");
    assertThat(metaData(anonymousId, "correlationId")).isEqualTo(generated);
  }

  @Test
  void problems_carryTheCorrelationIdAndTheInstance() throws Exception {
    MvcResult result =
        api.perform(postJson("/api/actors", "{}").header("X-Correlation-Id", "corr-problem"));

    JsonNode problem = api.body(result);
    assertThat(problem.get("correlationId").asText()).isEqualTo("corr-problem");
    assertThat(problem.get("instance").asText()).isEqualTo("/api/actors");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detail").asText()).isNotBlank();
  }

  private String metaData(String aggregateId, String key) {
    return jdbc.queryForObject(
        "select convert_from(meta_data, 'UTF8')::jsonb ->> ? from domain_event_entry"
            + " where aggregate_identifier = ? and sequence_number = 0",
        String.class,
        key,
        aggregateId);
  }

  private void assertProblem(MvcResult result, int status, String type) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(status);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode problem = api.body(result);
    assertThat(problem.get("type").asText()).isEqualTo("urn:entente:problem:" + type);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("errors")).isNotEmpty();
  }
}
