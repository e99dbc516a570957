package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.standalone.operations.OperationsHttp.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.entente.standalone.EntenteApplication;
import org.entente.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Poison events: an event the read side cannot store (here a row the database refuses) is parked in
 * the dead-letter queue with its aggregate's later events, other aggregates keep flowing, the
 * health turns DEGRADED, and after the fix a retry applies it. Also the admin API's problems and
 * the Prometheus scrape.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadLettersIT {

  private static final ObjectMapper json = new ObjectMapper();

  private static ConfigurableApplicationContext app;
  private static JdbcTemplate jdbc;
  private static int port;

  @BeforeAll
  static void start() {
    String url = TestPostgres.freshEmbeddedDatabase();
    jdbc = new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, ""));
    jdbc.execute("CREATE SCHEMA probe"); // outside Flyway's schema, which must start empty
    jdbc.execute(PoisonProbe.TABLE);
    app =
        new SpringApplicationBuilder(EntenteApplication.class, PoisonProbe.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=");
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void poisonEvent_isParked_withItsAggregatesLaterEvents_whileOtherAggregatesFlow()
      throws Exception {
    assertThat(send("POST", "/api/statements", statement("poison-1")).statusCode()).isEqualTo(201);
    assertThat(send("POST", "/api/statements", statement("probe-ok-1")).statusCode())
        .isEqualTo(201);
    assertThat(
            send(
                    "POST",
                    "/api/statements/poison-1/corrections",
                    "{\"topics\":[\"alliance-unity\",\"burden-sharing\"],\"reason\":\"more topics\"}")
                .statusCode())
        .isBetween(200, 299);
    assertThat(send("POST", "/api/statements", statement("probe-ok-2")).statusCode())
        .isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(probeRows())
                    .contains("probe-ok-1", "probe-ok-2")
                    .doesNotContain("poison-1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(listing().path("waiting").asLong()).isEqualTo(2));

    JsonNode listing = listing();
    assertThat(listing.path("perProcessingGroup").path(PoisonProbe.GROUP).asLong()).isEqualTo(2);
    List<JsonNode> letters = lettersOf(listing);
    assertThat(letters).hasSize(2);
    assertThat(letters).allMatch(l -> l.path("sequenceId").asText().equals("poison-1"));
    assertThat(letters.get(0).path("payloadType").asText()).endsWith("StatementRecorded");
    assertThat(letters.get(0).path("causeMessage").asText()).contains("no_poison");
    assertThat(letters.get(1).path("payloadType").asText()).endsWith("StatementCorrected");

    // the timeline's own processors are not held up by the probe's letters
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(send("GET", "/api/actors/mark-rutte/timeline?role=speaker", null).body())
                    .contains("probe-ok-2", "poison-1"));
  }

  @Test
  @Order(2)
  void waitingLetters_makeHealthAndReadinessDegraded_andShowInPrometheus() throws Exception {
    HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null);
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("DEGRADED");
    HttpResponse<String> health = send("GET", "/actuator/health", null);
    assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("DEGRADED");
    HttpResponse<String> liveness = send("GET", "/actuator/health/liveness", null);
    assertThat(json.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");

    HttpResponse<String> prometheus = send("GET", "/actuator/prometheus", null);
    assertThat(prometheus.statusCode()).isEqualTo(200);
    assertThat(prometheus.body())
        .contains("entente_dead_letters{processing_group=\"poison-probe\"} 2.0")
        .contains("hikaricp_connections_pending")
        .containsPattern("(?m)^eventProcessor[A-Za-z_]*\\{[^}]*processorName=\"poison-probe\"");
  }

  @Test
  @Order(3)
  void afterTheFix_retryAppliesTheParkedEvents_andHealthIsUpAgain() throws Exception {
    jdbc.execute(PoisonProbe.FIX);
    String first = lettersOf(listing()).get(0).path("letterId").asText();

    HttpResponse<String> retried =
        send("POST", "/api/admin/dead-letters/" + PoisonProbe.GROUP + "/" + first + "/retry", "");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json.readTree(retried.body()).path("sequencesProcessed").asInt()).isEqualTo(1);
    assertThat(json.readTree(retried.body()).path("waiting").asLong()).isZero();

    assertThat(
            jdbc.queryForObject(
                "SELECT corrections FROM probe.poison_probe WHERE statement_id = 'poison-1'",
                Integer.class))
        .isEqualTo(1);
    HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null);
    assertThat(json.readTree(readiness.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  @Order(4)
  void evictedLetter_isDroppedUnhandled() throws Exception {
    jdbc.execute(
        "ALTER TABLE probe.poison_probe ADD CONSTRAINT no_poison_2 CHECK (statement_id <> 'poison-2')");
    assertThat(send("POST", "/api/statements", statement("poison-2")).statusCode()).isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(listing().path("waiting").asLong()).isEqualTo(1));
    String letter = lettersOf(listing()).get(0).path("letterId").asText();

    HttpResponse<String> evicted =
        send("DELETE", "/api/admin/dead-letters/" + PoisonProbe.GROUP + "/" + letter, null);
    assertThat(evicted.statusCode()).isEqualTo(204);
    assertThat(listing().path("waiting").asLong()).isZero();
    assertThat(probeRows()).doesNotContain("poison-2");
  }

  @Test
  @Order(5)
  void unknownGroupOrLetter_isA404Problem_namingThePathVariable() throws Exception {
    HttpResponse<String> group = send("POST", "/api/admin/dead-letters/no-such-group/x/retry", "");
    assertThat(group.statusCode()).isEqualTo(404);
    assertThat(group.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(group.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("processingGroup");

    HttpResponse<String> letter =
        send("DELETE", "/api/admin/dead-letters/" + PoisonProbe.GROUP + "/no-such-letter", null);
    assertThat(letter.statusCode()).isEqualTo(404);
    assertThat(json.readTree(letter.body()).path("errors").get(0).path("field").asText())
        .isEqualTo("letterId");
  }

  private static List<String> probeRows() {
    return jdbc.queryForList("SELECT statement_id FROM probe.poison_probe", String.class);
  }

  private static JsonNode listing() throws Exception {
    HttpResponse<String> answer = send("GET", "/api/admin/dead-letters", null);
    assertThat(answer.statusCode()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private static List<JsonNode> lettersOf(JsonNode listing) {
    return java.util.stream.StreamSupport.stream(listing.path("letters").spliterator(), false)
        .filter(l -> l.path("processingGroup").asText().equals(PoisonProbe.GROUP))
        .sorted(java.util.Comparator.comparingLong(l -> l.path("sequenceIndex").asLong()))
        .toList();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return OperationsHttp.send(port, method, path, body);
  }
}
