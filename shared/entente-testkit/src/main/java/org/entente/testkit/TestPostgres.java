package org.entente.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, and a fresh database in it (or in
 * the machine's server at 127.0.0.1:5432) for every Spring context that asks.
 */
public final class TestPostgres {

  public static final String EXTERNAL_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedPostgres embedded;

  private TestPostgres() {}

  /** The JVM-wide embedded server, started on first use and stopped when the JVM exits. */
  public static synchronized EmbeddedPostgres embedded() {
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = embedded;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started)));
    }
    return embedded;
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
    return Optional.of(createDatabase(EXTERNAL_URL));
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
