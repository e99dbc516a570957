package org.entente.timeline.support;

import org.entente.testkit.TestPostgres;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineQueries;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real PostgreSQL database holding only the timeline tables (the timeline's own Flyway
 * migrations), for projection tests without Spring or Axon: event in, rows out. One per test JVM.
 */
public final class ProjectionDatabase {

  private static ProjectionDatabase instance;

  public final JdbcTemplate jdbc;
  public final TransactionTemplate transaction;
  public final TimelineDocuments documents = new TimelineDocuments();
  public final TimelineQueries queries;

  private ProjectionDatabase(String url) {
    Flyway.configure()
        .dataSource(url, TestPostgres.USER, "")
        .locations("classpath:db/migration/timeline")
        .load()
        .migrate();
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(url, TestPostgres.USER, "", true);
    dataSource.setAutoCommit(true);
    this.jdbc = new JdbcTemplate(dataSource);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.queries = new TimelineQueries(new NamedParameterJdbcTemplate(jdbc), documents);
  }

  public static synchronized ProjectionDatabase get() {
    if (instance == null) {
      instance = new ProjectionDatabase(TestPostgres.freshEmbeddedDatabase());
    }
    return instance;
  }

  public SlotWriter writer(Slot slot) {
    return new SlotWriter(jdbc, documents.mapper(), slot);
  }

  /** Empties both slots. */
  public void clear() {
    for (Slot slot : Slot.values()) {
      writer(slot).clear();
    }
  }
}
