package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.firstField;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.statementBody;
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
class StatementEndpointsIT {

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

  @Test
  void recordStatement_answers201() throws Exception {
    String id = unique("dirty-deal");

    MvcResult result =
        api.perform(postJson("/api/statements", statementBody(id, kallas, usa, source)));

    assertThat(result.getResponse().getStatus()).as(text(result)).isEqualTo(201);
    assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/streams/" + id);
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void unknownCameoCode_is422NamingCameoCode() throws Exception {
    String id = unique("st");
    String body = statementBody(id, kallas, usa, source).replace("\"111\"", "\"999\"");

    MvcResult result = api.perform(postJson("/api/statements", body));

    JsonNode problem = api.assertProblem(result, 422, "rule-violation");
    assertThat(firstField(problem)).isEqualTo("cameoCode");
    assertThat(problem.at("/errors/0/reason").asText()).contains("not a known CAMEO code");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void weightNotMatchingTheCode_is422NamingTheWeight() throws Exception {
    String id = unique("st");
    String body = statementBody(id, kallas, usa, source).replace("-2.0", "-7.0");

    MvcResult result = api.perform(postJson("/api/statements", body));

    assertThat(firstField(api.assertProblem(result, 422, "rule-violation")))
        .isEqualTo("weight.value");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void quoteNotMatchingTheSource_is422NamingTheQuote() throws Exception {
    String id = unique("st");
    String body =
        statementBody(id, kallas, usa, source)
            .replace("\"quote\":\"Je kunt", "\"quote\":\"Wij kunnen");

    MvcResult result = api.perform(postJson("/api/statements", body));

    assertThat(firstField(api.assertProblem(result, 422, "rule-violation")))
        .isEqualTo("citations[0].excerpt.quote");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void unknownSpeaker_is404NamingSpeakerId() throws Exception {
    String id = unique("st");

    MvcResult result =
        api.perform(postJson("/api/statements", statementBody(id, "nobody", usa, source)));

    assertThat(firstField(api.assertProblem(result, 404, "unknown-reference")))
        .isEqualTo("speakerId");
    assertThat(api.events(id)).isZero();
  }

  @Test
  void correct_withIfMatch_answers200_andAStaleOneOfTheSameFieldIs409_ofAnotherMerges()
      throws Exception {
    String id = api.recordStatement(unique("st"), kallas, usa, source);

    MvcResult corrected =
        api.perform(
            postJson(
                    "/api/statements/" + id + "/corrections",
                    "{\"stance\":\"REJECTION\",\"reason\":\"she rejected the deal\"}")
                .header("If-Match", "\"0\""));
    MvcResult staleStance =
        api.perform(
            postJson(
                    "/api/statements/" + id + "/corrections",
                    "{\"stance\":\"PRAISE\",\"reason\":\"misread\"}")
                .header("If-Match", "\"0\""));
    MvcResult staleTopics =
        api.perform(
            postJson(
                    "/api/statements/" + id + "/corrections",
                    "{\"topics\":[\"russia\"],\"reason\":\"topic\"}")
                .header("If-Match", "\"0\""));

    assertThat(corrected.getResponse().getStatus()).as(text(corrected)).isEqualTo(200);
    assertThat(api.body(corrected).get("version").asLong()).isEqualTo(1);
    assertThat(firstField(api.assertProblem(staleStance, 409, "wrong-state"))).isEqualTo("stance");
    assertThat(staleTopics.getResponse().getStatus()).as(text(staleTopics)).isEqualTo(200);
    assertThat(api.body(staleTopics).get("version").asLong()).isEqualTo(2);
    assertThat(api.events(id)).isEqualTo(3);
  }

  @Test
  void correct_afterRetraction_is409WrongState() throws Exception {
    String id = api.recordStatement(unique("st"), kallas, usa, source);

    MvcResult retracted =
        api.perform(
            postJson("/api/statements/" + id + "/retraction", "{\"reason\":\"misattributed\"}"));
    MvcResult corrected =
        api.perform(
            postJson(
                "/api/statements/" + id + "/corrections",
                "{\"stance\":\"DEMAND\",\"reason\":\"too late\"}"));

    assertThat(retracted.getResponse().getStatus()).as(text(retracted)).isEqualTo(200);
    assertThat(firstField(api.assertProblem(corrected, 409, "wrong-state")))
        .isEqualTo("statementId");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void addTranslation_answers200_andASecondIntoTheSameLanguageIs409() throws Exception {
    String id = api.recordStatement(unique("st"), kallas, usa, source);
    String english =
        "{\"translation\":{\"language\":\"en\",\"text\":\"You cannot take everything off the"
            + " negotiating table.\"},\"translator\":\"desk\"}";

    MvcResult first = api.perform(postJson("/api/statements/" + id + "/translations", english));
    MvcResult second = api.perform(postJson("/api/statements/" + id + "/translations", english));

    assertThat(first.getResponse().getStatus()).as(text(first)).isEqualTo(200);
    assertThat(firstField(api.assertProblem(second, 409, "wrong-state")))
        .isEqualTo("translation.language");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void addTranslation_withABadLanguageTag_is400NamingTheNestedField() throws Exception {
    String id = api.recordStatement(unique("st"), kallas, usa, source);

    MvcResult result =
        api.perform(
            postJson(
                "/api/statements/" + id + "/translations",
                "{\"translation\":{\"language\":\"English\",\"text\":\"x\"}}"));

    assertThat(firstField(api.assertProblem(result, 400, "invalid-command")))
        .isEqualTo("translation.language");
  }

  @Test
  void citeSource_answers200_andAnUnknownSourceIs404() throws Exception {
    String id = api.recordStatement(unique("st"), kallas, usa, source);
    String other = api.registerSource(unique("nrc"));

    MvcResult cited =
        api.perform(
            postJson(
                "/api/statements/" + id + "/sources",
                "{\"citation\":{\"sourceId\":\""
                    + other
                    + "\",\"grade\":\"SECOND_HAND_MEDIA\",\"excerpt\":{\"start\":"
                    + Api.quoteStart()
                    + ",\"end\":"
                    + Api.quoteEnd()
                    + "}}}"));
    MvcResult unknown =
        api.perform(
            postJson(
                "/api/statements/" + id + "/sources",
                "{\"citation\":{\"sourceId\":\"ghost\",\"grade\":\"SECOND_HAND_MEDIA\"}}"));

    assertThat(cited.getResponse().getStatus()).as(text(cited)).isEqualTo(200);
    assertThat(firstField(api.assertProblem(unknown, 404, "unknown-reference")))
        .isEqualTo("citation.sourceId");
    assertThat(api.events(id)).isEqualTo(2);
  }

  @Test
  void citationWithoutExcerpt_is422NamingTheExcerpt_andStoresNothing() throws Exception {
    String id = unique("st");
    String body =
        statementBody(id, kallas, usa, source).replaceAll(",\\s*\"excerpt\":\\{[^}]*\\}", "");

    MvcResult recorded = api.perform(postJson("/api/statements", body));
    String cited = api.recordStatement(unique("st"), kallas, usa, source);
    MvcResult citedAgain =
        api.perform(
            postJson(
                "/api/statements/" + cited + "/sources",
                "{\"citation\":{\"sourceId\":\""
                    + source
                    + "\",\"grade\":\"SECOND_HAND_MEDIA\"}}"));

    assertThat(body).doesNotContain("excerpt");
    assertThat(firstField(api.assertProblem(recorded, 422, "rule-violation")))
        .isEqualTo("citations[0].excerpt");
    assertThat(api.events(id)).isZero();
    assertThat(firstField(api.assertProblem(citedAgain, 422, "rule-violation")))
        .isEqualTo("citation.excerpt");
    assertThat(api.events(cited)).isEqualTo(1);
  }

  @Test
  void nullInAList_is400NamingTheEntry_andStoresNothing() throws Exception {
    String id = unique("st");
    String body =
        statementBody(id, kallas, usa, source)
            .replace("\"targetIds\":[\"" + usa + "\"]", "\"targetIds\":[\"" + usa + "\",null]");

    MvcResult result = api.perform(postJson("/api/statements", body));

    JsonNode problem = api.assertProblem(result, 400, "malformed-request");
    assertThat(firstField(problem)).isEqualTo("targetIds[1]");
    assertThat(problem.get("detail").asText()).doesNotContain("Exception");
    assertThat(api.events(id)).isZero();
  }

  private static String text(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString();
  }
}
