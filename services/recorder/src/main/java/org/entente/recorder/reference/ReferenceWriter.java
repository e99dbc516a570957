package org.entente.recorder.reference;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.statement.StatementRetracted;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code aggregate_reference} in step with the event table: it sees every batch of events
 * just before Axon appends it (a dispatch interceptor runs in the root unit of work's
 * prepare-commit, inside its transaction), and writes one row per new aggregate and the new version
 * (and retraction) of every other one, in that transaction.
 *
 * <p>The version update only applies to the version the command was decided on; if another
 * transaction moved the aggregate on meanwhile, the command fails with Axon's {@link
 * ConcurrencyException} (a new aggregate whose id is taken: {@link
 * AggregateStreamCreationException}), as the event table's unique key would, but before any SQL
 * error aborts the transaction. A cached aggregate whose transaction rolls back after its unit of
 * work committed (an outer transaction, e.g. the idempotency record's or an import batch's) is
 * evicted, so no later command decides on events that were never stored.
 */
@Component
public class ReferenceWriter implements MessageDispatchInterceptor<EventMessage<?>> {

  private final JdbcTemplate jdbc;
  private final Cache aggregateCache;

  ReferenceWriter(
      JdbcTemplate jdbc, EventStore eventStore, @Qualifier("aggregateCache") Cache aggregateCache) {
    this.jdbc = jdbc;
    this.aggregateCache = aggregateCache;
    eventStore.registerDispatchInterceptor(this);
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    Map<String, Change> changes = new LinkedHashMap<>();
    for (EventMessage<?> message : messages) {
      if (message instanceof DomainEventMessage<?> event) {
        changes
            .computeIfAbsent(event.getAggregateIdentifier(), id -> new Change(id, event))
            .add(event);
      }
    }
    if (!changes.isEmpty()) {
      write(changes.values());
    }
    return (index, message) -> message;
  }

  private void write(Iterable<Change> changes) {
    List<Change> created = new ArrayList<>();
    List<Change> updated = new ArrayList<>();
    for (Change change : changes) {
      (change.first == 0 ? created : updated).add(change);
    }
    evictOnRollback(changes);
    if (!created.isEmpty()) {
      int[] counts =
          batch(
              "insert into aggregate_reference"
                  + " (aggregate_id, kind, actor_kind, retracted, version) values (?, ?, ?, ?, ?)"
                  + " on conflict (aggregate_id) do nothing",
              created,
              (ps, c) -> {
                ps.setString(1, c.aggregateId);
                ps.setString(2, c.kind.name());
                ps.setString(3, c.actorKind);
                ps.setBoolean(4, c.retracted);
                ps.setLong(5, c.last);
              });
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new AggregateStreamCreationException(
              "id '" + created.get(i).aggregateId + "' is already taken");
        }
      }
    }
    if (!updated.isEmpty()) {
      int[] counts =
          batch(
              "update aggregate_reference set version = ?, retracted = retracted or ?"
                  + " where aggregate_id = ? and version = ?",
              updated,
              (ps, c) -> {
                ps.setLong(1, c.last);
                ps.setBoolean(2, c.retracted);
                ps.setString(3, c.aggregateId);
                ps.setLong(4, c.first - 1);
              });
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          throw new ConcurrencyException(
              "aggregate '"
                  + updated.get(i).aggregateId
                  + "' is no longer at version "
                  + (updated.get(i).first - 1));
        }
      }
    }
    for (Change change : changes) {
      AppendedVersions.appended(change.aggregateId, change.last);
    }
  }

  /** One statement per change, sent together (one round trip). */
  private int[] batch(
      String sql, List<Change> changes, ParameterizedPreparedStatementSetter<Change> setter) {
    if (changes.size() == 1) {
      return new int[] {jdbc.update(sql, ps -> setter.setValues(ps, changes.get(0)))};
    }
    return jdbc.batchUpdate(
        sql,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            setter.setValues(ps, changes.get(i));
          }

          @Override
          public int getBatchSize() {
            return changes.size();
          }
        });
  }

  private void evictOnRollback(Iterable<Change> changes) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    changes.forEach(change -> ids.add(change.aggregateId));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              ids.forEach(aggregateCache::remove);
            }
          }
        });
  }

  /** What one batch of events does to one aggregate's row. */
  private static final class Change {
    final String aggregateId;
    final long first;
    long last;
    ReferenceKind kind = ReferenceKind.OTHER;
    String actorKind;
    boolean retracted;

    Change(String aggregateId, DomainEventMessage<?> first) {
      this.aggregateId = aggregateId;
      this.first = first.getSequenceNumber();
    }

    void add(DomainEventMessage<?> event) {
      Object payload = event.getPayload();
      last = event.getSequenceNumber();
      if (last == 0) {
        kind = ReferenceKind.openedBy(payload);
        if (payload instanceof ActorRegistered actor && actor.kind() != null) {
          actorKind = actor.kind().name();
        }
      }
      if (payload instanceof DiplomaticEventRetracted || payload instanceof StatementRetracted) {
        retracted = true;
      }
    }
  }
}
