package org.entente.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The standalone service ({@code org.entente.standalone.EntenteApplication}, its executable jar) as
 * a child JVM on a free port, with its output in a log file. Without an external database it runs
 * its own embedded PostgreSQL in {@code dataDirectory} on a port chosen here, so the benchmark can
 * reach the same database through JDBC for its baselines.
 */
public final class ServiceProcess implements AutoCloseable {

  /**
   * The user the benchmark signs in as: every role, password {@value #PASSWORD}. The service gets
   * the user's BCrypt hash on its command line (and no rate limits: the benchmark measures
   * throughput), so no users file is created.
   */
  public static final String USER = "bench";

  public static final String PASSWORD = "bench-password";

  /** The Authorization header value (HTTP Basic) of {@link #USER}. */
  public static final String AUTHORIZATION =
      "Basic "
          + java.util.Base64.getEncoder()
              .encodeToString(
                  (USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private static final String PASSWORD_HASH =
      "$2a$04$Xjqyh171FzeeFjZDhXLGY.okdFJlQX1a4QLVhGVLWcRM4RAXbFEk6";

  /** Where the service's database is. */
  public record Database(String jdbcUrl, String user, String password, boolean embedded) {}

  private final Process process;
  private final int port;
  private final Database database;
  private final Path log;
  private final long startedNanos;

  private ServiceProcess(Process process, int port, Database database, Path log, long started) {
    this.process = process;
    this.port = port;
    this.database = database;
    this.log = log;
    this.startedNanos = started;
  }

  /**
   * Starts the service. {@code external} null runs the embedded PostgreSQL in {@code dataDirectory}
   * (on {@code pgPort}, 0 for a free one); {@code extraArgs} are more {@code --key=value} options.
   */
  public static ServiceProcess start(
      Path serviceJar,
      Path dataDirectory,
      int pgPort,
      Database external,
      List<String> jvmArgs,
      List<String> extraArgs,
      Path log)
      throws IOException {
    if (!Files.isRegularFile(serviceJar)) {
      throw new IllegalStateException(
          "service jar "
              + serviceJar
              + " not found: build it first (./mvnw -B -o -DskipTests package)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Daxoniq.update-checker.disabled=true");
    command.add("-Ddisable-axoniq-console-message=true");
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(serviceJar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.add("--entente.demo.enabled=false");
    command.add("--management.endpoints.web.exposure.include=health,info,metrics");
    // the embedded broker's ports and data directory come from Bench (see startService)
    command.add(
        "--entente.audit.key-file="
            + dataDirectory.toAbsolutePath().resolveSibling("audit").resolve("tree-head.key"));
    command.add("--entente.security.users[0].name=" + USER);
    command.add("--entente.security.users[0].password-hash=" + PASSWORD_HASH);
    command.add("--entente.security.users[0].roles=recorder,analyst,auditor,admin");
    command.add("--entente.security.rate-limit.enabled=false");
    Database database;
    if (external == null) {
      int dbPort = pgPort > 0 ? pgPort : freePort();
      command.add("--entente.embedded-postgres.data-directory=" + dataDirectory.toAbsolutePath());
      command.add("--entente.embedded-postgres.port=" + dbPort);
      database =
          new Database("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "", true);
    } else {
      command.add("--spring.datasource.url=" + external.jdbcUrl());
      command.add("--spring.datasource.username=" + external.user());
      command.add("--spring.datasource.password=" + external.password());
      database = external;
    }
    command.addAll(extraArgs);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    long started = System.nanoTime();
    return new ServiceProcess(builder.start(), port, database, log, started);
  }

  /** Waits until readiness answers UP; returns the seconds from process start. */
  public double awaitReady(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return (System.nanoTime() - startedNanos) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Database database() {
    return database;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** Resident set size of the service's JVM in bytes (VmRSS of /proc/pid/status), or -1. */
  public long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Asks the JVM to stop (SIGTERM, a graceful Spring shutdown) and waits for it. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(
          Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
