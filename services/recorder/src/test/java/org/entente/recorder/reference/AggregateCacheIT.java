package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.common.EventTime;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates are cached between commands. A command whose unit of work committed inside an outer
 * transaction that then rolls back must not leave its state in the cache: the next command would
 * decide on events that were never stored.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class AggregateCacheIT {

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aCommandRolledBackWithItsOuterTransaction_leavesNoTraceInTheCachedAggregate() {
    commands.sendAndWait(
        new RecordDiplomaticEvent(
            "cache-dinner",
            EventKind.DINNER,
            "Dinner",
            EventTime.instant(Instant.parse("2025-02-12T19:00:00Z")),
            null,
            List.of(),
            EventStatus.TOOK_PLACE,
            null));

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              commands.sendAndWait(new RetractDiplomaticEvent("cache-dinner", "first try"));
              status.setRollbackOnly();
            });
    commands.sendAndWait(new RetractDiplomaticEvent("cache-dinner", "second try"));

    assertThat(
            jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number",
                Long.class,
                "cache-dinner"))
        .containsExactly(0L, 1L);
    assertThat(
            jdbc.queryForObject(
                "select version from aggregate_reference where aggregate_id = ?",
                Long.class,
                "cache-dinner"))
        .isEqualTo(1L);
  }
}
