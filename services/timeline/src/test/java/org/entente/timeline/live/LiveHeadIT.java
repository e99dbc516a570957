package org.entente.timeline.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Where a node starts tailing: the last key in (transaction, position) order. Transaction ids
 * compare as numbers: ordered as text, "9" came after "10" and the head went back to an older
 * transaction (and every head read sorted the whole table). Temporary tables of the same names
 * shadow the real ones on this one connection, so the ids can be chosen.
 */
@TimelineBootTest
class LiveHeadIT {

  @Autowired DataSource dataSource;
  @Autowired EventSchema schema;

  @Test
  void theHead_isTheLastKeyByTransactionNumber_notByItsText() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      // in one transaction, rolled back: the pooled connection keeps no shadowing table
      connection.setAutoCommit(false);
      try {
        try (Statement sql = connection.createStatement()) {
          sql.execute("create temp table tl_page_row (tx_id xid8, live_position bigint)");
          sql.execute(
              "create temp table "
                  + schema.domainEventTable()
                  + " (tx_id xid8, "
                  + schema.globalIndexColumn()
                  + " bigint)");
          sql.execute("insert into tl_page_row values ('9', 5), ('10', 1), ('10', 2)");
          sql.execute(
              "insert into "
                  + schema.domainEventTable()
                  + " values ('9', 7), ('10', 3), ('10', 4)");
        }
        LiveStore store =
            new LiveStore(
                new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                schema,
                new ObjectMapper());

        assertThat(store.rowHead()).isEqualTo(new LiveKey("10", 2));
        assertThat(store.eventHead()).isEqualTo(new LiveKey("10", 4));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }
}
