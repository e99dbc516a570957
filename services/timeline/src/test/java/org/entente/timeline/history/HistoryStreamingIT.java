package org.entente.timeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.common.MetadataKeys;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A long history with a small fetch size: it comes out complete and in order, and it is read
 * through a server-side cursor rather than loaded whole (which is what keeps memory flat). A
 * context (and database) of its own, so other tests do not page through these events.
 */
@TimelineBootTest
@TestPropertySource(properties = "entente.timeline.history.fetch-size=50")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(HistoryStreamingIT.ShortContainerAsyncTimeout.class)
class HistoryStreamingIT {

  /**
   * Tomcat ends an asynchronous response after its default async timeout (30 s), which would cut a
   * long history short; here that default is 300 ms, so a stream outliving it shows quickly.
   */
  @TestConfiguration
  static class ShortContainerAsyncTimeout {
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> shortAsyncTimeout() {
      return factory ->
          factory.addConnectorCustomizers(connector -> connector.setAsyncTimeout(300));
    }
  }

  private static final int EVENTS = 20_000;

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired HistoryStream history;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void storeALongHistory() {
    List<EventMessage<?>> batch = new ArrayList<>();
    for (int n = 0; n < EVENTS; n++) {
      String id = run + "-" + n;
      Map<String, Object> metadata = Map.of(MetadataKeys.RECORDED_BY, "test");
      batch.add(
          new GenericDomainEventMessage<>(
              "Source",
              id,
              0,
              source(id, "source " + n),
              metadata,
              UUID.randomUUID().toString(),
              Instant.now()));
      if (batch.size() == 1000) {
        eventStore.publish(batch);
        batch.clear();
      }
    }
  }

  @Test
  void history_streamsTwentyThousandEvents_completeAndInGlobalOrder() {
    Http.Response response =
        new Http(port).get("/api/history?type=SourceRegistered", "application/x-ndjson");

    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> lines = response.lines();
    assertThat(lines).hasSize(EVENTS);
    long previous = -1;
    for (int n = 0; n < EVENTS; n++) {
      JsonNode line = lines.get(n);
      assertThat(line.get("aggregateId").asText()).isEqualTo(run + "-" + n);
      assertThat(line.get("position").asLong()).isGreaterThan(previous);
      previous = line.get("position").asLong();
    }
  }

  @Test
  void history_outlivesTheContainersAsyncTimeout_forASlowReader() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/history?type=SourceRegistered"))
            .header("Accept", "application/x-ndjson")
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());

    long lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (lines++ % 2_000 == 0) {
          Thread.sleep(100); // a reader slower than the container's async timeout
        }
        assertThat(line).endsWith("}");
      }
    }

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(lines).isEqualTo(EVENTS);
  }

  @Test
  void history_isReadThroughAServerSideCursor_notLoadedWhole() {
    // While the first bytes are written, the query's rows are still behind an open portal of the
    // same connection (pg_cursors lists the portals of this session).
    List<Long> openCursors = new ArrayList<>();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            check();
          }

          @Override
          public void write(byte[] b, int off, int len) {
            check();
          }

          private void check() {
            if (openCursors.isEmpty()) {
              openCursors.add(
                  jdbc.queryForObject(
                      "select count(*) from pg_cursors where position(? in statement) > 0",
                      Long.class,
                      "domain_event_entry"));
            }
          }
        };

    long written =
        history.write(
            new HistoryQuery(null, null, null, null, null, null, null),
            OutputStream.nullOutputStream());
    history.write(new HistoryQuery(null, null, null, null, null, null, null), out);

    assertThat(written).isGreaterThanOrEqualTo(EVENTS);
    assertThat(openCursors).containsExactly(1L);
  }
}
