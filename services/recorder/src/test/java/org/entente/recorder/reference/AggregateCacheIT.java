package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.entente.api.common.EventTime;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.recorder.rules.WrongStateException;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aggregates are cached between commands, also when no command holds them. A command whose unit of
 * work committed inside an outer transaction that then rolls back must not leave its state in the
 * cache: the next command would decide on events that were never stored. Nor may an aggregate that
 * another node moved on be trusted: its command fails, the entry is dropped, the next one reads the
 * stream.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class AggregateCacheIT {

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Autowired
  @Qualifier("aggregateCache")
  Cache aggregateCache;

  @Test
  void aCommandRolledBackWithItsOuterTransaction_leavesNoTraceInTheCachedAggregate() {
    commands.sendAndWait(dinner("cache-dinner"));

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

  @Test
  void anAggregate_staysCachedAfterItsCommand_throughAGarbageCollection() {
    commands.sendAndWait(dinner("cache-kept"));

    System.gc();

    assertThat((Object) aggregateCache.get("cache-kept")).isNotNull();
  }

  @Test
  void aCachedAggregateThatAnotherNodeMovedOn_failsItsCommandOnce_andIsThenReadFromTheStore() {
    commands.sendAndWait(dinner("cache-here"));
    commands.sendAndWait(dinner("cache-there"));
    commands.sendAndWait(new RetractDiplomaticEvent("cache-there", "template"));
    // Another node retracts cache-here: its event and reference row, written past this node's
    // cache.
    jdbc.update(
        "insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,"
            + " payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
            + " select gen_random_uuid()::text, meta_data,"
            + " convert_to(replace(convert_from(payload, 'UTF8'), 'cache-there', 'cache-here'),"
            + " 'UTF8'), payload_revision, payload_type, time_stamp, 'cache-here', 1, type"
            + " from domain_event_entry where aggregate_identifier = 'cache-there'"
            + " and sequence_number = 1");
    jdbc.update(
        "update aggregate_reference set version = 1, retracted = true"
            + " where aggregate_id = 'cache-here'");

    assertThatThrownBy(
            () -> commands.sendAndWait(new RetractDiplomaticEvent("cache-here", "stale view")))
        .isInstanceOf(ConcurrencyException.class);
    assertThat((Object) aggregateCache.get("cache-here")).isNull();
    assertThatThrownBy(
            () -> commands.sendAndWait(new RetractDiplomaticEvent("cache-here", "fresh view")))
        .isInstanceOf(WrongStateException.class)
        .hasMessageContaining("retracted again");
    assertThat(
            jdbc.queryForList(
                "select sequence_number from domain_event_entry where aggregate_identifier = ?"
                    + " order by sequence_number",
                Long.class,
                "cache-here"))
        .containsExactly(0L, 1L);
  }

  private static RecordDiplomaticEvent dinner(String id) {
    return new RecordDiplomaticEvent(
        id,
        EventKind.DINNER,
        "Dinner",
        EventTime.instant(Instant.parse("2025-02-12T19:00:00Z")),
        null,
        List.of(),
        EventStatus.TOOK_PLACE,
        null);
  }
}
