package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.entente.embedded.DurablePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The database goes away under a running recorder (a real PostgreSQL of this test's own, stopped
 * and started again on the same data and port): a command meanwhile is a 503 problem with {@code
 * Retry-After} that stores nothing, and once the database is back the same command succeeds without
 * restarting the service.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseOutageIT {

  private static Path data;
  private static int port;
  private static EmbeddedPostgres postgres;

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) throws IOException {
    data = Files.createTempDirectory("entente-outage");
    postgres = start(0);
    port = postgres.getPort();
    properties.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "");
    // fail fast while the database is away instead of queueing for Hikari's 30 s default
    properties.add("spring.datasource.hikari.connection-timeout", () -> "1000");
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void commandWhileTheDatabaseIsDown_is503WithRetryAfter_storesNothing_andSucceedsOnceItIsBack()
      throws Exception {
    assertThat(register("outage-before").getResponse().getStatus()).isEqualTo(201);

    postgres.close();
    MvcResult down = register("outage-during");

    assertThat(down.getResponse().getStatus()).isEqualTo(503);
    assertThat(down.getResponse().getHeader("Retry-After")).isEqualTo("5");
    assertThat(down.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(down.getResponse().getContentAsString())
        .contains("urn:entente:problem:database-unavailable");

    postgres = start(port);
    MvcResult back = awaitAnswerOtherThan503("outage-during", Duration.ofSeconds(60));

    assertThat(back.getResponse().getStatus()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Long.class,
                "outage-before",
                "outage-during"))
        .as("one event per successful command, none from the refused one")
        .isEqualTo(2);
  }

  private MvcResult awaitAnswerOtherThan503(String id, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    MvcResult result = register(id);
    while (result.getResponse().getStatus() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      result = register(id);
    }
    return result;
  }

  private MvcResult register(String id) throws Exception {
    return mvc.perform(
            post("/api/actors")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"actorId\":\""
                        + id
                        + "\",\"kind\":\"STATE\",\"name\":\"Outage "
                        + id
                        + "\"}"))
        .andReturn();
  }

  private static EmbeddedPostgres start(int onPort) {
    try {
      EmbeddedPostgres.Builder builder =
          DurablePostgres.configure(EmbeddedPostgres.builder())
              .setDataDirectory(data)
              .setCleanDataDirectory(false);
      if (onPort > 0) {
        builder.setPort(onPort);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
