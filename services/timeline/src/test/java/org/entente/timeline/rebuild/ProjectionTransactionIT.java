package org.entente.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The projection writes its rows in the processor's transaction (the one that stores the token):
 * another handler of the same batch sees them on its connection while no other connection does, and
 * while that handler fails the token does not move past the failing event and its rows are never
 * committed; once it recovers the batch is handled again.
 */
@TimelineBootTest
@Import(ProjectionTransactionIT.PoisonConfiguration.class)
class ProjectionTransactionIT {

  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired JdbcTemplate jdbc;
  @Autowired Poison poison;

  @Test
  void failingBatch_commitsNeitherRowsNorToken_thenIsHandledAgain() {
    new Projections(positions, slots).awaitCaughtUp();
    String processor = slots.live().processorName();
    assertThat(processor).isEqualTo("timeline-a");

    // Stored together, so the first attempt handles both in one batch; the second one fails.
    eventStore.publish(
        new GenericDomainEventMessage<>(
            "Actor", "row-1", 0, actor("row-1", ActorKind.STATE, "Projected first")),
        new GenericDomainEventMessage<>(
            "Actor", "poison-1", 0, actor("poison-1", ActorKind.STATE, "Fails")));
    long poisonPosition = positions.head();

    await(() -> poison.failures.get() >= 2);
    assertThat(poison.sawUncommittedRow).isTrue();
    assertThat(rows("poison-1")).isZero();
    assertThat(positions.safePosition(processor)).isLessThan(poisonPosition);

    poison.armed = false;
    await(() -> rows("poison-1") == 1);
    assertThat(rows("row-1")).isOne();
    await(() -> positions.safePosition(processor) >= poisonPosition);
  }

  private long rows(String actorId) {
    return jdbc.queryForObject(
        "select count(*) from tl_actor where actor_id = ?", Long.class, actorId);
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting").isBefore(deadline);
      Projections.sleep(20);
    }
  }

  @TestConfiguration
  static class PoisonConfiguration {
    @Bean
    Poison poison(JdbcTemplate jdbc) {
      return new Poison(jdbc);
    }
  }

  /** Handles events in the timeline projection's processing group, and fails while armed. */
  @ProcessingGroup("timeline-a")
  static class Poison {
    final AtomicInteger failures = new AtomicInteger();
    final JdbcTemplate jdbc;
    volatile boolean armed = true;
    volatile boolean sawUncommittedRow;

    Poison(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActorRegistered event) throws SQLException {
      if (!armed || !event.actorId().equals("poison-1")) {
        return;
      }
      // The row projected from the batch's first event: visible on the transaction's connection,
      // invisible on a connection of its own, i.e. written but not yet committed.
      String count = "select count(*) from tl_actor where actor_id = 'row-1'";
      long inside = jdbc.queryForObject(count, Long.class);
      if (TransactionSynchronizationManager.isActualTransactionActive()
          && inside == 1
          && countOnOwnConnection(jdbc.getDataSource(), count) == 0) {
        sawUncommittedRow = true;
      }
      failures.incrementAndGet();
      throw new IllegalStateException("poisoned batch");
    }

    private static long countOnOwnConnection(DataSource dataSource, String sql)
        throws SQLException {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(sql)) {
        result.next();
        return result.getLong(1);
      }
    }
  }
}
