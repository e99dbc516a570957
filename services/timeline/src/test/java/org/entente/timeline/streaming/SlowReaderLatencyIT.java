package org.entente.timeline.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.statement.Stance;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A measurement, not a test of timing (it asserts none): latencies of timeline pages and writes
 * without, then with, 20 clients reading {@code /api/history} at one byte a second. Run it with
 *
 * <pre>
 * ./mvnw -B -o -pl services/timeline -am verify -Dentente.measure=true \
 *   -Dtest=SlowReaderLatencyIT -Dsurefire.failIfNoSpecifiedTests=false | grep SLOW-READERS
 * </pre>
 */
@TimelineBootTest
@EnabledIfSystemProperty(named = "entente.measure", matches = "true")
class SlowReaderLatencyIT {

  private static final int STATEMENTS = 5_000;
  private static final int READERS = 20;
  private static final int SAMPLES = 60;

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired StreamingBulkhead bulkhead;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void pagesAndWrites_withAndWithoutSlowHistoryReaders() throws Exception {
    TestEvents events = new TestEvents(eventStore);
    events.append("Actor", "slow-speaker", actor("slow-speaker", ActorKind.PERSON, "Speaker"));
    String text = "x".repeat(2_000); // about 2.5 KB a line: the history is far larger than buffers
    for (int i = 0; i < STATEMENTS; i++) {
      events.append(
          "Statement",
          "slow-st-" + i,
          statement(
              "slow-st-" + i, "slow-speaker", List.of(), day("2025-02-13"), Stance.NEUTRAL, text));
    }
    Http http = new Http(port);
    // The projection has caught up (no background load left), and the JIT is warm.
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Http.Response status = http.get("/api/admin/projections/timeline");
              return status.status() == 200 && status.json().at("/live/lag").asLong(-1) == 0;
            });
    measure("warm-up");

    Latencies quiet = measure("without slow readers");

    AtomicInteger streaming = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Socket> sockets = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(1024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      sockets.add(socket);
      Thread reader = new Thread(() -> readSlowly(socket, streaming, refused), "slow-reader-" + i);
      reader.setDaemon(true);
      reader.start();
      readers.add(reader);
    }
    Thread.sleep(3_000);
    Latencies loaded = measure("with " + READERS + " slow readers");

    System.out.printf(
        "SLOW-READERS: %d readers at 1 byte/s: %d streaming, %d refused (503); streams active %d%n",
        READERS, streaming.get(), refused.get(), bulkhead.activeStreams());
    System.out.println("SLOW-READERS: " + quiet);
    System.out.println("SLOW-READERS: " + loaded);
    for (Socket socket : sockets) {
      socket.close();
    }
    assertThat(streaming.get() + refused.get()).isEqualTo(READERS);
  }

  /** Sends the request, reads the status line at once, then one byte a second. */
  private static void readSlowly(Socket socket, AtomicInteger streaming, AtomicInteger refused) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/history HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/x-ndjson\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      String line = new String(status, StandardCharsets.US_ASCII);
      (line.endsWith("200") ? streaming : refused).incrementAndGet();
      while (in.read() >= 0) {
        Thread.sleep(1_000);
      }
    } catch (IOException | InterruptedException e) {
      // closed at the end of the measurement
    }
  }

  private Latencies measure(String label) throws Exception {
    List<Long> pages = new ArrayList<>();
    List<Long> writes = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      long start = System.nanoTime();
      HttpResponse<String> page =
          client.send(
              request("/api/actors/slow-speaker/timeline?limit=50").GET().build(),
              HttpResponse.BodyHandlers.ofString());
      pages.add(System.nanoTime() - start);
      assertThat(page.statusCode()).isEqualTo(200);
      start = System.nanoTime();
      HttpResponse<String> write =
          client.send(
              request("/api/actors")
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"kind\":\"STATE\",\"name\":\"Measured " + label + " " + i + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      writes.add(System.nanoTime() - start);
      assertThat(write.statusCode()).as(write.body()).isLessThan(300);
    }
    return new Latencies(label, pages, writes);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(60));
  }

  record Latencies(String label, List<Long> pages, List<Long> writes) {
    @Override
    public String toString() {
      return String.format(
          "%s: timeline page ms p50 %.1f p95 %.1f max %.1f; write ms p50 %.1f p95 %.1f max %.1f",
          label,
          percentile(pages, 50),
          percentile(pages, 95),
          percentile(pages, 100),
          percentile(writes, 50),
          percentile(writes, 95),
          percentile(writes, 100));
    }

    private static double percentile(List<Long> nanos, int p) {
      List<Long> sorted = nanos.stream().sorted().toList();
      int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
      return sorted.get(index) / 1e6;
    }
  }
}
