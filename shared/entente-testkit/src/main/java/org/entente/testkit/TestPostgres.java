package org.entente.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.embedded.DurablePostgres;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh database in it (or in
 * the machine's server at 127.0.0.1:5432) for every Spring context that asks.
 */
public final class TestPostgres {

  public static final String EXTERNAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  private static final AtomicInteger counter = new AtomicInteger();
  private static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(20);
  private static EmbeddedPostgres embedded;

  private TestPostgres() {}

  /** Spring contexts using the embedded server that are not closed yet. */
  private static final Phaser openContexts = new Phaser(1);

  /**
   * The JVM-wide embedded server, started on first use and stopped when the JVM exits — after the
   * Spring contexts using it have closed. Test contexts close in JVM shutdown hooks too; stopping
   * the server first would leave their event processors retrying a vanished database until Axon's
   * shutdown timeouts pass.
   */
  public static synchronized EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        // durable like production: figures and crash behaviour measured in tests hold there
        embedded =
            DurablePostgres.configure(EmbeddedPostgres.builder())
                .setRegisterShutdownHook(false)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    awaitContextsClosed();
                    closeQuietly(started);
                  }));
    }
    return embedded;
  }

  /** Keeps the embedded server up until {@code context} has closed. */
  public static void holdUntilClosed(ConfigurableApplicationContext context) {
    openContexts.register();
    context.addApplicationListener(
        (ApplicationListener<ContextClosedEvent>) event -> openContexts.arriveAndDeregister());
  }

  private static void awaitContextsClosed() {
    try {
      openContexts.awaitAdvanceInterruptibly(
          openContexts.arriveAndDeregister(), CONTEXT_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException e) {
      // a context that never closes must not keep the JVM alive
    }
  }

  /** A new, empty database in the embedded server; returns its JDBC URL. */
  public static String freshEmbeddedDatabase() {
    return createDatabase(embedded().getJdbcUrl(USER, "postgres"));
  }

  /** A new, empty database in the server at 127.0.0.1:5432, if that server answers. */
  public static Optional<String> freshExternalDatabase() {
    if (!externalAvailable()) {
      return Optional.empty();
    }
    dropAbandonedExternalDatabases();
    String url = createDatabase(EXTERNAL_URL);
    String name = url.substring(url.lastIndexOf('/') + 1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropExternal(name)));
    return Optional.of(url);
  }

  /**
   * The machine's server outlives test runs: drop the databases of test JVMs that are gone (their
   * pid is part of the name), e.g. after a run was killed before its shutdown hook ran.
   */
  private static synchronized void dropAbandonedExternalDatabases() {
    try (Connection connection = DriverManager.getConnection(EXTERNAL_URL, USER, "");
        var statement = connection.createStatement();
        var names =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'entente\\_test\\_%'")) {
      var abandoned = new java.util.ArrayList<String>();
      while (names.next()) {
        String name = names.getString(1);
        long pid = Long.parseLong(name.split("_")[2]);
        if (ProcessHandle.of(pid).isEmpty()) {
          abandoned.add(name);
        }
      }
      for (String name : abandoned) {
        dropExternal(name);
      }
    } catch (SQLException | RuntimeException e) {
      // best effort: a leftover database wastes space but breaks nothing
    }
  }

  private static void dropExternal(String name) {
    try (Connection connection = DriverManager.getConnection(EXTERNAL_URL, USER, "");
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // best effort: the next run drops it as abandoned
    }
  }

  public static boolean externalAvailable() {
    try (Connection ignored = DriverManager.getConnection(EXTERNAL_URL, USER, "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static String createDatabase(String adminUrl) {
    String name = "entente_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(adminUrl, USER, "");
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is exiting; nothing left to clean up
    }
  }
}
