package org.entente.recorder.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.postJson;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@RecorderHttpTest
class IdempotencyIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired Idempotency idempotency;
  @Autowired PlatformTransactionManager transactions;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void retryWithSameKeyAndRequest_returnsTheFirstAnswer_andStoresNothingTwice() throws Exception {
    String key = unique("key");
    String body = "{\"kind\":\"STATE\",\"name\":\"Finland\"}";
    long before = api.allEvents();

    MvcResult first = api.perform(postJson("/api/actors", body).header("Idempotency-Key", key));
    MvcResult retry = api.perform(postJson("/api/actors", body).header("Idempotency-Key", key));

    assertThat(first.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getContentAsString())
        .isEqualTo(first.getResponse().getContentAsString());
    assertThat(retry.getResponse().getHeader("Location"))
        .isEqualTo(first.getResponse().getHeader("Location"));
    assertThat(retry.getResponse().getHeader("ETag")).isEqualTo("\"0\"");
    assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
    String id = api.body(first).get("id").asText();
    assertThat(api.events(id)).isEqualTo(1);
    assertThat(api.allEvents()).isEqualTo(before + 1);
  }

  @Test
  void aBatchsAnswers_tellWhichKeysAnotherTransactionStoredFirst_andStoreTheOthers() {
    // a key stored by a transaction that did not take its advisory lock: the batch must roll back
    // and answer that request 409 (in flight elsewhere)
    String mine = unique("batch-mine");
    String theirs = unique("batch-theirs");
    jdbc.update(
        "insert into idempotency_record (idempotency_key, request_fingerprint, status,"
            + " response_body, response_headers) values (?, 'f', 201, '{}', '{}')",
        theirs);
    StoredAnswer answer = new StoredAnswer(201, "{\"id\":\"x\"}", Map.of("ETag", "\"0\""));
    List<IdempotencyRequest> taken =
        new TransactionTemplate(transactions)
            .execute(
                status ->
                    idempotency.rememberAll(
                        List.of(
                            Map.entry(new IdempotencyRequest(mine, "f", "Idempotency-Key"), answer),
                            Map.entry(
                                new IdempotencyRequest(theirs, "f", "Idempotency-Key"), answer))));

    assertThat(taken).extracting(IdempotencyRequest::key).containsExactly(theirs);
    assertThat(
            jdbc.queryForObject(
                "select response_headers from idempotency_record where idempotency_key = ?",
                String.class,
                mine))
        .isEqualTo("{\"ETag\":\"\\\"0\\\"\"}");
  }

  @Test
  void retry_thatOnlyReordersFieldsOrWhitespace_isTheSameRequest() throws Exception {
    String key = unique("key");
    String id = unique("fi");

    MvcResult first =
        api.perform(
            postJson(
                    "/api/actors",
                    "{\"actorId\":\"" + id + "\",\"kind\":\"STATE\",\"name\":\"FI\"}")
                .header("Idempotency-Key", key));
    MvcResult retry =
        api.perform(
            postJson(
                    "/api/actors",
                    "{ \"name\": \"FI\",\n \"kind\": \"STATE\", \"actorId\": \"" + id + "\" }")
                .header("Idempotency-Key", key));

    assertThat(first.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getStatus()).isEqualTo(201);
    assertThat(retry.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void sameKeyForADifferentRequest_is422NamingTheHeader_andStoresNothing() throws Exception {
    String key = unique("key");
    api.perform(
        postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Norway\"}")
            .header("Idempotency-Key", key));
    String otherId = unique("dk");
    long before = api.allEvents();

    MvcResult otherBody =
        api.perform(
            postJson(
                    "/api/actors",
                    "{\"actorId\":\"" + otherId + "\",\"kind\":\"STATE\",\"name\":\"Denmark\"}")
                .header("Idempotency-Key", key));
    MvcResult otherPath =
        api.perform(
            postJson(
                    "/api/sources",
                    "{\"publisher\":\"NOS\",\"title\":\"Norway\",\"language\":\"nl\"}")
                .header("Idempotency-Key", key));

    assertThat(otherBody.getResponse().getStatus()).isEqualTo(422);
    assertThat(otherBody.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode problem = api.body(otherBody);
    assertThat(problem.get("type").asText())
        .isEqualTo("urn:entente:problem:idempotency-key-reused");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    assertThat(otherPath.getResponse().getStatus()).isEqualTo(422);
    assertThat(api.events(otherId)).isZero();
    assertThat(api.allEvents()).isEqualTo(before);
  }

  @Test
  void requestWhileTheSameKeyIsInFlight_is409_andALaterRetrySucceeds() throws Exception {
    String key = unique("key");
    String id = unique("pl");
    String body = "{\"actorId\":\"" + id + "\",\"kind\":\"STATE\",\"name\":\"Poland\"}";

    MvcResult whileInFlight;
    try (Connection inFlight = dataSource.getConnection()) {
      inFlight.setAutoCommit(false);
      // exactly what a request in progress under this key holds until it commits
      try (PreparedStatement lock =
          inFlight.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        lock.setString(1, key);
        lock.execute();
      }
      whileInFlight = api.perform(postJson("/api/actors", body).header("Idempotency-Key", key));
      inFlight.rollback();
    }
    MvcResult later = api.perform(postJson("/api/actors", body).header("Idempotency-Key", key));

    assertThat(whileInFlight.getResponse().getStatus()).isEqualTo(409);
    assertThat(api.body(whileInFlight).get("type").asText())
        .isEqualTo("urn:entente:problem:idempotent-request-in-flight");
    assertThat(api.body(whileInFlight).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    assertThat(later.getResponse().getStatus()).isEqualTo(201);
    assertThat(api.events(id)).isEqualTo(1);
  }

  @Test
  void rejectedRequest_isNotRemembered_soTheSameRetryIsJudgedAfresh() throws Exception {
    String key = unique("key");
    String hegseth = api.registerActor(unique("hegseth"), "PERSON", "Pete Hegseth");
    String usa = unique("usa");
    String role = "{\"title\":\"Secretary\",\"atActorId\":\"" + usa + "\",\"from\":\"2025-01-25\"}";

    MvcResult rejected =
        api.perform(
            postJson("/api/actors/" + hegseth + "/roles", role).header("Idempotency-Key", key));
    api.registerActor(usa, "STATE", "United States");
    MvcResult retried =
        api.perform(
            postJson("/api/actors/" + hegseth + "/roles", role).header("Idempotency-Key", key));

    assertThat(rejected.getResponse().getStatus()).isEqualTo(404);
    assertThat(retried.getResponse().getStatus()).isEqualTo(200);
    assertThat(retried.getResponse().getHeader("Idempotent-Replayed")).isNull();
    assertThat(api.events(hegseth)).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select status from idempotency_record where idempotency_key = ?",
                Integer.class,
                key))
        .isEqualTo(200);
  }

  @Test
  void eventsAndTheRememberedAnswer_commitTogetherOrNotAtAll() throws Exception {
    String key = unique("key");
    String id = unique("it");
    String body = "{\"actorId\":\"" + id + "\",\"kind\":\"STATE\",\"name\":\"Italy\"}";

    MvcResult result;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      // another transaction writes the key without taking the advisory lock and keeps it open
      try (PreparedStatement insert =
          other.prepareStatement(
              "insert into idempotency_record (idempotency_key, request_fingerprint, status,"
                  + " response_body, response_headers) values (?, 'x', 201, '{}', '{}')")) {
        insert.setString(1, key);
        insert.executeUpdate();
      }
      CompletableFuture<MvcResult> request =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return api.perform(postJson("/api/actors", body).header("Idempotency-Key", key));
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      awaitABackendWaitingForALock();
      other.commit();
      result = request.get(30, TimeUnit.SECONDS);
    }

    assertThat(result.getResponse().getStatus()).isEqualTo(409);
    assertThat(api.events(id)).as("the actor's event rolled back with the answer").isZero();
  }

  @Test
  void malformedKey_is400NamingTheHeader() throws Exception {
    MvcResult result =
        api.perform(
            postJson("/api/actors", "{\"kind\":\"STATE\",\"name\":\"Spain\"}")
                .header("Idempotency-Key", "two words"));

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
  }

  private void awaitABackendWaitingForALock() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Integer waiting =
          jdbc.queryForObject(
              "select count(*) from pg_stat_activity"
                  + " where datname = current_database() and wait_event_type = 'Lock'",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the request never waited for the other transaction");
  }
}
