package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.standalone.operations.OperationsHttp.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.entente.standalone.EntenteApplication;
import org.entente.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 8, item 10 (second half): readiness does not say UP while a projection is stuck. A second
 * connection holds an exclusive lock on the timeline's fact table, so the timeline processor's
 * batch for a new statement cannot commit: readiness turns OUT_OF_SERVICE (503) naming the
 * processor and its segment while liveness stays UP; once the lock is gone the projection moves on
 * and readiness is UP again.
 */
class StuckProjectionReadinessIT {

  private static final ObjectMapper json = new ObjectMapper();

  private static ConfigurableApplicationContext app;
  private static String url;
  private static int port;

  @BeforeAll
  static void start() {
    url = TestPostgres.freshEmbeddedDatabase();
    app =
        new SpringApplicationBuilder(EntenteApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=",
                "--entente.health.processor-stuck-after=2s");
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void aProjectionThatCannotCommit_takesReadinessOutOfService_untilTheCauseIsGone()
      throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(status("/actuator/health/readiness")).isEqualTo("UP"));

    try (Connection blocker = DriverManager.getConnection(url, TestPostgres.USER, "")) {
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement()) {
        lock.execute("LOCK TABLE tl_entry_version IN ACCESS EXCLUSIVE MODE");
      }
      assertThat(send("POST", "/api/statements", statement("stuck-readiness-1")).statusCode())
          .isEqualTo(201);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                HttpResponse<String> readiness = send("GET", "/actuator/health/readiness", null);
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
                JsonNode body = json.readTree(readiness.body());
                assertThat(body.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
                JsonNode failing =
                    body.path("components").path("eventProcessors").path("details").path("failing");
                assertThat(failing.fieldNames())
                    .toIterable()
                    .anySatisfy(name -> assertThat(name).startsWith("timeline-"));
                assertThat(failing.toString()).contains("segment ").contains("no progress");
              });
      assertThat(status("/actuator/health/liveness")).isEqualTo("UP");

      blocker.rollback();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(status("/actuator/health/readiness")).isEqualTo("UP"));
    assertThat(send("GET", "/api/actors/mark-rutte/timeline?role=speaker", null).body())
        .contains("stuck-readiness-1");
  }

  private static String status(String path) throws Exception {
    return json.readTree(send("GET", path, null).body()).path("status").asText();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return OperationsHttp.send(port, method, path, body);
  }
}
