package org.entente.standalone.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.entente.embedded.StalePostmaster;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;

/**
 * The standalone application as a child JVM on the test classpath, with its own data directory and
 * a free port: something a test can {@code kill -9}, which an in-process context is not.
 */
final class StandaloneProcess implements AutoCloseable {

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dataDirectory;
  private final Path log;
  private final List<String> extraArguments;
  private Process process;
  private int port;

  StandaloneProcess(Path workDirectory, List<String> extraArguments) {
    this.dataDirectory = workDirectory.resolve("postgres");
    this.log = workDirectory.resolve("standalone.log");
    this.extraArguments = List.copyOf(extraArguments);
  }

  /** Starts a new JVM on the data directory; its output is appended to the log. */
  void start() throws IOException {
    port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Daxoniq.update-checker.disabled=true");
    command.add("-Ddisable-axoniq-console-message=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EntenteApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--entente.embedded-postgres.data-directory=" + dataDirectory);
    command.add("--logging.level.root=WARN");
    command.add("--logging.level.org.entente=INFO");
    command.addAll(extraArguments);
    Files.writeString(
        log, "--- start " + command + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  /** Waits until readiness says UP; fails with the log's tail if the process dies or times out. */
  void awaitReady(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("standalone exited early:\n" + logTail());
      }
      try {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        if (readiness.statusCode() == 200 && readiness.body().startsWith("{\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("standalone not ready after " + patience + ":\n" + logTail());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        TestUsers.authorized(HttpRequest.newBuilder(uri(path)))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        TestUsers.authorized(HttpRequest.newBuilder(uri(path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** {@code kill -9}: no shutdown hook runs, the embedded postmaster is left behind. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * A connection to the cluster of the data directory, found through its pid file once the
   * postmaster says it is ready (while initdb runs, the file names a bootstrap backend and the
   * default port 5432, which may be another server).
   */
  Connection connect() throws IOException, SQLException {
    List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    if (pidFile.size() < 8
        || pidFile.get(0).trim().startsWith("-")
        || !pidFile.get(7).trim().equals("ready")) {
      throw new SQLException("postmaster of " + dataDirectory + " not ready: " + pidFile);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/postgres", "postgres", "");
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 60), lines.size());
      return String.join(
          "\n", tail.stream().filter(line -> !line.startsWith("--- start")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the JVM gracefully, then any postmaster it left behind. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
    StalePostmaster.clear(dataDirectory);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
