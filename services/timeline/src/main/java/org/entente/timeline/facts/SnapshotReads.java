package org.entente.timeline.facts;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read-only REPEATABLE READ transactions: every statement of one read sees one database snapshot.
 * The isolation is set by the transaction's first statement, not through the JDBC connection:
 * Spring's isolation setting asks the driver for the connection's level and sets it before, and
 * back after, each transaction, three round trips that held a fifth of a timeline page's time at
 * 100,000 events.
 */
@Component
public class SnapshotReads {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;

  public SnapshotReads(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /**
   * Runs {@code work} in one snapshot (joining the caller's transaction, at its isolation, if one
   * is running).
   */
  public <T> T read(Supplier<T> work) {
    return readOnly.execute(
        status -> {
          if (status.isNewTransaction()) {
            jdbc.execute("set transaction isolation level repeatable read");
          }
          return work.get();
        });
  }

  /** As {@link #read(Supplier)}, for work without a result. */
  public void run(Runnable work) {
    read(
        () -> {
          work.run();
          return null;
        });
  }
}
