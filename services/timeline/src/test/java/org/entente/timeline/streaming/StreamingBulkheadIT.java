package org.entente.timeline.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.support.Facts;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8, item 7: streaming downloads have a capped number of slots, their own threads and their
 * own connection pool; when every slot is taken, the history and the exports answer 503 with
 * Retry-After at once, while timeline pages and writes go on.
 */
@TimelineBootTest
@TestPropertySource(
    properties = {
      "entente.timeline.streaming.max-streams=3",
      "entente.timeline.streaming.pool-size=3",
      "entente.timeline.streaming.retry-after=7s"
    })
class StreamingBulkheadIT {

  @LocalServerPort int port;
  @Autowired StreamingBulkhead bulkhead;
  @Autowired EventStore eventStore;
  @Autowired javax.sql.DataSource dataSource;

  private final HttpClient client = HttpClient.newHttpClient();
  private final List<InputStream> open = new ArrayList<>();

  @AfterEach
  void release() throws IOException {
    BlockingStreams.RELEASE.get().countDown();
    for (InputStream in : open) {
      in.readAllBytes();
      in.close();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.activeStreams() == 0);
  }

  @Test
  void withEveryStreamSlotTaken_historyAndExportsAnswer503WithRetryAfter_pagesAndWritesGoOn()
      throws Exception {
    Http http = new Http(port);
    new TestEvents(eventStore)
        .append("Actor", "bulkhead-state", Facts.actor("bulkhead-state", ActorKind.STATE, "B"));
    // the export checks the actor exists before it asks for a stream slot: wait for the projection
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client
                        .send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://127.0.0.1:" + port + "/api/actors/bulkhead-state"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    BlockingStreams.RELEASE.set(new CountDownLatch(1));
    for (int i = 0; i < 3; i++) {
      HttpResponse<InputStream> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/test/blocking-stream"))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      open.add(response.body());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.activeStreams() == 3);
    // Each held stream holds a connection of the streaming pool, none of the application's.
    HikariDataSource streamingPool = bulkhead.pool();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> streamingPool.getHikariPoolMXBean().getActiveConnections() == 3);

    for (String path :
        List.of(
            "/api/history",
            "/api/actors/bulkhead-state/timeline?format=csv",
            "/api/actors/bulkhead-state/timeline?format=ndjson")) {
      HttpResponse<String> refused =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as(path).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).as(path).hasValue("7");
      assertThat(refused.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = new Http.Response(503, "", refused.body()).json();
      assertThat(problem.get("status").asInt()).isEqualTo(503);
      assertThat(problem.get("type").asText()).isEqualTo("urn:entente:problem:streams-saturated");
    }

    // Pages and the application's pool are untouched by the held streams.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> http.get("/api/actors/bulkhead-state/timeline").status() == 200);
    assertThat(
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
        .isLessThan(3);

    // Once the streams end, their slots are free again.
    BlockingStreams.RELEASE.get().countDown();
    for (InputStream in : open) {
      assertThat(new String(in.readAllBytes())).isEqualTo("started\ndone\n");
    }
    open.clear();
    await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.activeStreams() == 0);
    assertThat(http.get("/api/history", "application/x-ndjson").status()).isEqualTo(200);
    assertThat(http.get("/api/actors/bulkhead-state/timeline?format=csv", "text/csv").status())
        .isEqualTo(200);
  }
}
