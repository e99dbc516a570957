package org.entente.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The live-updates latency phase (issue 9): statements recorded over HTTP at a steady rate while
 * many SSE clients listen on {@code /api/live/events}; latency = an SSE client receiving the
 * statement's event − its {@code POST /api/statements} answering 201. Beside it, in the same run on
 * the same database: a raw PostgreSQL insert committed with a NOTIFY → a LISTEN connection
 * receiving it, at the same rate.
 */
final class LiveLatency {

  private final String baseUrl;
  private final Baselines db;
  private final int clients;
  private final int rate;
  private final Duration duration;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  LiveLatency(String baseUrl, Baselines db, int clients, int rate, Duration duration) {
    this.baseUrl = baseUrl;
    this.db = db;
    this.clients = clients;
    this.rate = rate;
    this.duration = duration;
  }

  /** The figures: SSE and raw, each p50/p99/p999 in ms, plus counts. */
  record Result(
      double[] sse,
      double[] raw,
      long sseSamples,
      long rawSamples,
      int posted,
      double postedPerSecond,
      int errors,
      String firstError) {}

  /** Runs both; {@code body} makes the JSON of a statement with the given id. */
  Result run(String runId, IntFunction<String> body) throws Exception {
    int total = (int) (rate * duration.toSeconds());
    long[] accepted = new long[total];
    String prefix = "live-" + runId + "-";
    URI uri = URI.create(baseUrl);
    List<Reader> readers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      readers.add(new Reader(uri, prefix, total));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (readers.stream().anyMatch(r -> !r.joined) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    AtomicInteger errors = new AtomicInteger();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService posters = Executors.newFixedThreadPool(64);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int n = 0; n < total; n++) {
      long due = start + n * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int index = n;
      posters.execute(
          () -> {
            try {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(URI.create(baseUrl + "/api/statements"))
                          .header("Authorization", ServiceProcess.AUTHORIZATION)
                          .timeout(Duration.ofSeconds(60))
                          .header("Content-Type", "application/json")
                          .header("Idempotency-Key", "bench-" + prefix + index)
                          .POST(HttpRequest.BodyPublishers.ofString(body.apply(index)))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 201) {
                throw new IllegalStateException(
                    "POST /api/statements answered "
                        + response.statusCode()
                        + ": "
                        + response.body());
              }
              accepted[index] = System.nanoTime();
            } catch (Exception e) {
              errors.incrementAndGet();
              firstError.compareAndSet(null, e.toString());
            }
          });
    }
    posters.shutdown();
    posters.awaitTermination(5, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    // let the last messages arrive
    Thread.sleep(3000);
    readers.forEach(Reader::close);
    List<Long> sse = new ArrayList<>();
    for (Reader reader : readers) {
      for (int n = 0; n < total; n++) {
        if (accepted[n] != 0 && reader.received[n] != 0) {
          sse.add(Math.max(0, reader.received[n] - accepted[n]));
        }
      }
    }
    List<Long> raw = raw(total);
    return new Result(
        percentiles(sse),
        percentiles(raw),
        sse.size(),
        raw.size(),
        total - errors.get(),
        (total - errors.get()) / seconds,
        errors.get(),
        firstError.get());
  }

  /** Insert + NOTIFY committed → received by a LISTEN connection, at the same rate. */
  private List<Long> raw(int total) throws SQLException, InterruptedException {
    long[] committed = new long[total];
    long[] received = new long[total];
    try (Connection listener = db.connect();
        Connection setup = db.connect()) {
      try (Statement s = setup.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS bench_live_raw (n INTEGER PRIMARY KEY, payload TEXT)");
        s.execute("TRUNCATE bench_live_raw");
      }
      try (Statement s = listener.createStatement()) {
        s.execute("LISTEN bench_live_raw");
      }
      PGConnection pg = listener.unwrap(PGConnection.class);
      AtomicInteger got = new AtomicInteger();
      Thread listen =
          new Thread(
              () -> {
                try {
                  while (got.get() < total && !Thread.currentThread().isInterrupted()) {
                    PGNotification[] notes = pg.getNotifications(500);
                    long now = System.nanoTime();
                    if (notes != null) {
                      for (PGNotification note : notes) {
                        received[Integer.parseInt(note.getParameter())] = now;
                        got.incrementAndGet();
                      }
                    }
                  }
                } catch (SQLException e) {
                  // closed
                }
              },
              "bench-live-listen");
      listen.start();
      ExecutorService writers = Executors.newFixedThreadPool(16);
      ThreadLocal<Connection> connections = new ThreadLocal<>();
      List<Connection> opened = java.util.Collections.synchronizedList(new ArrayList<>());
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      for (int n = 0; n < total; n++) {
        long wait = start + n * interval - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        int index = n;
        writers.execute(
            () -> {
              try {
                Connection c = connections.get();
                if (c == null) {
                  c = db.connect();
                  connections.set(c);
                  opened.add(c);
                }
                try (Statement s = c.createStatement()) {
                  s.execute(
                      "WITH i AS (INSERT INTO bench_live_raw VALUES ("
                          + index
                          + ", repeat('x', 600)) RETURNING n)"
                          + " SELECT pg_notify('bench_live_raw', n::text) FROM i");
                }
                committed[index] = System.nanoTime();
              } catch (SQLException e) {
                // counted as missing
              }
            });
      }
      writers.shutdown();
      writers.awaitTermination(5, TimeUnit.MINUTES);
      listen.join(5000);
      listen.interrupt();
      for (Connection c : opened) {
        c.close();
      }
      try (Statement s = setup.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_live_raw");
      }
    }
    List<Long> latencies = new ArrayList<>();
    for (int n = 0; n < total; n++) {
      if (committed[n] != 0 && received[n] != 0) {
        latencies.add(Math.max(0, received[n] - committed[n]));
      }
    }
    return latencies;
  }

  /** p50, p99, p999 in ms (NaN without samples). */
  static double[] percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    double[] out = new double[3];
    double[] qs = {0.50, 0.99, 0.999};
    for (int i = 0; i < qs.length; i++) {
      int at = (int) Math.min(sorted.length - 1, Math.ceil(qs[i] * sorted.length) - 1);
      out[i] = sorted[Math.max(0, at)] / 1e6;
    }
    return out;
  }

  static String text(double[] p) {
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p999 %.1f ms", p[0], p[1], p[2]);
  }

  static Map<String, Object> numbers(Result r) {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("p50Ms", r.sse()[0]);
    numbers.put("p99Ms", r.sse()[1]);
    numbers.put("p999Ms", r.sse()[2]);
    numbers.put("samples", r.sseSamples());
    numbers.put("posted", r.posted());
    numbers.put("postedPerSecond", r.postedPerSecond());
    numbers.put("errors", r.errors());
    numbers.put("baselineP50Ms", r.raw()[0]);
    numbers.put("baselineP99Ms", r.raw()[1]);
    numbers.put("baselineP999Ms", r.raw()[2]);
    numbers.put("baselineSamples", r.rawSamples());
    return numbers;
  }

  /** One SSE client: a plain HTTP/1.0 socket, noting when each statement's event arrives. */
  private static final class Reader {

    final long[] received;
    volatile boolean joined;
    private final Socket socket;

    Reader(URI base, String prefix, int total) throws IOException {
      this.received = new long[total];
      this.socket = new Socket(base.getHost(), base.getPort());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/live/events?type=StatementRecorded HTTP/1.0\r\nHost: "
                  + base.getHost()
                  + "\r\nAuthorization: "
                  + ServiceProcess.AUTHORIZATION
                  + "\r\nAccept: text/event-stream\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread thread = new Thread(() -> read(prefix), "bench-sse");
      thread.setDaemon(true);
      thread.start();
    }

    private void read(String prefix) {
      String marker = "\"aggregateId\":\"" + prefix;
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith(":live")) {
            joined = true;
          } else if (line.startsWith("data:")) {
            int at = line.indexOf(marker);
            if (at >= 0) {
              int from = at + marker.length();
              int to = line.indexOf('"', from);
              int n = Integer.parseInt(line.substring(from, to));
              if (n < received.length && received[n] == 0) {
                received[n] = System.nanoTime();
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // closed
      }
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
