package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.EventTime;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch reads the rows its commands name in one round trip; a diplomatic event's row is read for
 * share there, as a single command's rule reads it, so the event's retraction (an update of its
 * row) waits for the batch that records a statement at it.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class PrefetchLocksEventsIT {

  @Autowired CommandGateway commands;
  @Autowired AggregateReferences references;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DataSource dataSource;

  @Test
  void aPrefetchedEventRowIsLockedForShareUntilTheBatchEnds_otherRowsAreNot() {
    commands.sendAndWait(
        new RecordDiplomaticEvent(
            "prefetch-summit",
            EventKind.SUMMIT,
            "Summit",
            EventTime.instant(Instant.parse("2025-02-12T09:00:00Z")),
            null,
            List.of(),
            EventStatus.TOOK_PLACE,
            null));
    commands.sendAndWait(
        new RegisterActor("prefetch-kallas", ActorKind.PERSON, "Kaja Kallas", null, null));

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              try (AggregateReferences.Prefetch prefetched =
                  references.prefetch(List.of("prefetch-summit", "prefetch-kallas", "nowhere"))) {
                assertThat(references.findForShare("prefetch-summit")).isPresent();
                assertThat(references.findForShare("nowhere")).isEmpty();
                assertThat(references.find("prefetch-kallas")).isPresent();

                assertThatThrownBy(() -> updateElsewhere("prefetch-summit"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("lock timeout");
                updateElsewhere("prefetch-kallas");
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  /** Updates the row on a connection of its own, giving up after a short lock wait. */
  private void updateElsewhere(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      try {
        statement.execute("set local lock_timeout = '300ms'");
        statement.executeUpdate(
            "update aggregate_reference set version = version where aggregate_id = '" + id + "'");
      } finally {
        connection.rollback();
      }
    }
  }
}
