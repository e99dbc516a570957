package org.entente.timeline.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 8, "operators can watch it": {@code /actuator/prometheus} shows open streaming downloads,
 * refused ones, the streaming pool's connections and the dead letters waiting per processor, with
 * values that follow what happens (one held download: one open stream, one active streaming
 * connection; one more download refused: the counter moves).
 */
@TimelineBootTest
@AutoConfigureObservability(tracing = false) // tests turn metrics export off otherwise
@TestPropertySource(
    properties = {
      "entente.timeline.streaming.max-streams=1",
      "entente.timeline.streaming.pool-size=2",
      "management.endpoints.web.exposure.include=health,metrics,prometheus"
    })
class StreamingMetricsIT {

  @LocalServerPort int port;
  @Autowired StreamingBulkhead bulkhead;

  private final HttpClient client = HttpClient.newHttpClient();
  private InputStream held;

  @AfterEach
  void release() throws IOException {
    BlockingStreams.RELEASE.get().countDown();
    if (held != null) {
      held.readAllBytes();
      held.close();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> bulkhead.activeStreams() == 0);
  }

  @Test
  void prometheus_followsOpenAndRefusedStreams_streamingPoolAndDeadLetters() throws Exception {
    assertThat(value(scrape(), "entente_streams_open")).isZero();
    double refusedBefore = value(scrape(), "entente_streams_refused_total");

    BlockingStreams.RELEASE.set(new CountDownLatch(1));
    HttpResponse<InputStream> slow =
        get("/test/blocking-stream", HttpResponse.BodyHandlers.ofInputStream());
    assertThat(slow.statusCode()).isEqualTo(200);
    held = slow.body();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions() // the streaming pool's meters appear once it opened
        .until(
            () -> value(scrape(), "hikaricp_connections_active{pool=\"entente-streaming\"}") == 1);

    HttpResponse<String> refused = get("/api/history", HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(503);

    String metrics = scrape();
    assertThat(value(metrics, "entente_streams_open")).isEqualTo(1);
    assertThat(value(metrics, "entente_streams_refused_total")).isEqualTo(refusedBefore + 1);
    assertThat(value(metrics, "hikaricp_connections_max{pool=\"entente-streaming\"}")).isEqualTo(2);
    assertThat(value(metrics, "hikaricp_connections_pending{pool=\"entente-streaming\"}")).isZero();
    // dead letters waiting, one gauge per processor with a dead-letter queue, none waiting here
    assertThat(metrics)
        .containsPattern("(?m)^entente_dead_letters\\{processing_group=\"[^\"]+\"} 0\\.0$");

    BlockingStreams.RELEASE.get().countDown();
    assertThat(new String(held.readAllBytes())).isEqualTo("started\ndone\n");
    held = null;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> value(scrape(), "entente_streams_open") == 0);
  }

  private String scrape() throws Exception {
    HttpResponse<String> answer = get("/actuator/prometheus", HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  /** The value of the one sample named {@code series} (name, or name with its exact labels). */
  private static double value(String metrics, String series) {
    String labels = series.contains("{") ? "" : "(\\{[^}]*})?";
    Matcher matcher =
        Pattern.compile("(?m)^" + Pattern.quote(series) + labels + " (\\S+)$").matcher(metrics);
    assertThat(matcher.find()).as(series + " in\n" + metrics).isTrue();
    return Double.parseDouble(matcher.group(matcher.groupCount()));
  }

  private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), body);
  }
}
