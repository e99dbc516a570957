package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.firstField;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Corrections of one statement by many clients at once: no client's change is lost without that
 * client being told. Additions and removals apply to the current list; a field replaced on an older
 * version that another correction changed since is a 409 naming the field.
 */
@RecorderHttpTest
class CorrectionConcurrencyIT {

  static final int CLIENTS = 10;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;
  ExecutorService clients;
  String statement;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(mvc, jdbc, json);
    clients = Executors.newFixedThreadPool(CLIENTS);
    String kallas = api.registerActor(unique("kallas"), "PERSON", "Kaja Kallas");
    String usa = api.registerActor(unique("usa"), "STATE", "United States");
    String source = api.registerSource(unique("nos"));
    statement = api.recordStatement(unique("deal"), kallas, usa, source); // version 0
  }

  @AfterEach
  void tearDown() {
    clients.shutdownNow();
  }

  @Test
  void tenClientsAddingTopicsAtOnce_everyAcceptedTopicIsKept_andEveryLoserIsTold()
      throws Exception {
    List<MvcResult> results = all(i -> addTopic(i, null));

    assertEveryAcceptedTopicKept(results);
  }

  @Test
  void tenClientsAddingTopicsOnTheSameOldVersion_doNotConflict() throws Exception {
    List<MvcResult> results = all(i -> addTopic(i, "\"0\""));

    assertEveryAcceptedTopicKept(results);
  }

  @Test
  void tenClientsReplacingTheStanceOnTheSameVersion_oneWins_theOthersAreTold409() throws Exception {
    List<MvcResult> results =
        all(
            i ->
                correction(
                    "{\"stance\":\""
                        + (i % 2 == 0 ? "PRAISE" : "COMMITMENT")
                        + "\",\"reason\":\"r\"}",
                    "\"0\""));

    List<MvcResult> accepted = withStatus(results, 200);
    List<MvcResult> refused = withStatus(results, 409);
    System.out.printf(
        "stance replaced by %d clients on version 0: %d accepted, %d refused with 409%n",
        CLIENTS, accepted.size(), refused.size());
    assertThat(accepted).hasSize(1);
    assertThat(refused).hasSize(CLIENTS - 1);
    for (MvcResult result : refused) {
      // Told either that the stance changed since version 0, or (after losing every retry of the
      // append race) that the statement changed concurrently.
      assertThat(firstField(api.body(result))).isIn("stance", "statementId");
    }
    assertThat(api.events(statement)).isEqualTo(2);
  }

  @Test
  void correctionsOfDifferentFieldsOnOneVersion_merge_andAReplacedFieldChangedSinceIs409()
      throws Exception {
    MvcResult stance = api.perform(correction("{\"stance\":\"PRAISE\",\"reason\":\"r\"}", "\"0\""));
    MvcResult topics =
        api.perform(correction("{\"topics\":[\"sanctions\"],\"reason\":\"r\"}", "\"0\""));
    MvcResult stanceAgain =
        api.perform(correction("{\"stance\":\"COMMITMENT\",\"reason\":\"r\"}", "\"0\""));
    MvcResult topicsInBody =
        api.perform(
            correction("{\"topics\":[\"energy\"],\"expectedVersion\":1,\"reason\":\"r\"}", null));

    assertThat(stance.getResponse().getStatus()).isEqualTo(200);
    assertThat(topics.getResponse().getStatus())
        .as(topics.getResponse().getContentAsString())
        .isEqualTo(200);
    assertThat(api.body(topics).get("version").asLong()).isEqualTo(2);
    JsonNode conflict = api.assertProblem(stanceAgain, 409, "wrong-state");
    assertThat(firstField(conflict)).isEqualTo("stance");
    assertThat(conflict.at("/errors/0/reason").asText()).contains("since version 0");
    assertThat(firstField(api.assertProblem(topicsInBody, 409, "wrong-state"))).isEqualTo("topics");
    assertThat(lastCorrection("stance").asText()).isEqualTo("PRAISE");
    assertThat(lastCorrection("topics").toString()).isEqualTo("[\"sanctions\"]");
    assertThat(api.events(statement)).isEqualTo(3);
  }

  @Test
  void aVersionNotYetReached_isAVersionConflict() throws Exception {
    MvcResult result = api.perform(correction("{\"stance\":\"PRAISE\",\"reason\":\"r\"}", "\"7\""));

    assertThat(firstField(api.assertProblem(result, 409, "version-conflict")))
        .isEqualTo("expectedVersion");
    assertThat(api.events(statement)).isEqualTo(1);
  }

  private void assertEveryAcceptedTopicKept(List<MvcResult> results) throws Exception {
    List<String> expected = new ArrayList<>(List.of("ukraine"));
    int refused = 0;
    for (int i = 0; i < CLIENTS; i++) {
      int status = results.get(i).getResponse().getStatus();
      assertThat(status).as(results.get(i).getResponse().getContentAsString()).isIn(200, 409);
      if (status == 200) {
        expected.add("topic-" + i);
      } else {
        refused++;
        assertThat(firstField(api.body(results.get(i)))).isEqualTo("statementId");
      }
    }
    System.out.printf(
        "%d clients adding a topic each: %d accepted, %d told 409%n",
        CLIENTS, CLIENTS - refused, refused);
    List<String> stored = new ArrayList<>();
    lastCorrection("topics").forEach(topic -> stored.add(topic.asText()));
    assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(api.events(statement)).isEqualTo(1 + CLIENTS - refused);
  }

  /** The field as stored by the newest correction of the statement that set it. */
  private JsonNode lastCorrection(String field) throws Exception {
    List<String> payloads =
        jdbc.queryForList(
            "select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%.StatementCorrected'"
                + " order by sequence_number desc",
            String.class, statement);
    for (String payload : payloads) {
      JsonNode value = json.readTree(payload).path(field);
      if (!value.isMissingNode() && !value.isNull()) {
        return value;
      }
    }
    throw new AssertionError("no correction of " + field + " stored");
  }

  private MockHttpServletRequestBuilder addTopic(int client, String ifMatch) {
    return correction("{\"addTopics\":[\"topic-" + client + "\"],\"reason\":\"r\"}", ifMatch);
  }

  private MockHttpServletRequestBuilder correction(String body, String ifMatch) {
    MockHttpServletRequestBuilder request =
        postJson("/api/statements/" + statement + "/corrections", body);
    return ifMatch == null ? request : request.header(Headers.IF_MATCH, ifMatch);
  }

  private static List<MvcResult> withStatus(List<MvcResult> results, int status) {
    return results.stream().filter(r -> r.getResponse().getStatus() == status).toList();
  }

  private List<MvcResult> all(IntFunction<MockHttpServletRequestBuilder> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MvcResult>> futures = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      MockHttpServletRequestBuilder builder = request.apply(i);
      futures.add(
          clients.submit(
              () -> {
                start.await();
                return mvc.perform(builder).andReturn();
              }));
    }
    start.countDown();
    List<MvcResult> results = new ArrayList<>();
    for (Future<MvcResult> future : futures) {
      results.add(future.get(120, TimeUnit.SECONDS));
    }
    return results;
  }
}
