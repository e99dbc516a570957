package org.entente.recorder.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.source.SourceRegistered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers from {@code aggregate_reference} (one primary-key lookup, in the command's transaction).
 * Ids are shared by all aggregate types, so an actor id asked for as a source is simply unknown.
 *
 * <p>A source's text is not in the table: a source never changes after it is registered, so its
 * text is read once from its one-event stream and kept in a small cache. Only committed answers are
 * cached, so a rolled-back registration never answers for a later one with the same id.
 */
@Component
class TableReferences implements References {

  static final int CACHED_SOURCES = 256;

  private final AggregateReferences rows;
  private final EventStore eventStore;
  static final int CACHED_ACTORS = 10_000;

  private final Map<String, SourceSnapshot> sources = lru(CACHED_SOURCES);
  private final Map<String, ActorKind> actorKinds = lru(CACHED_ACTORS);

  /** Answers read in the current transaction, until it ends (the caches above wait for commit). */
  private final TransactionMemo<SourceSnapshot> sourcesRead = new TransactionMemo<>();

  private final TransactionMemo<ActorKind> actorKindsRead = new TransactionMemo<>();

  TableReferences(AggregateReferences rows, EventStore eventStore) {
    this.rows = rows;
    this.eventStore = eventStore;
  }

  /**
   * An actor's kind never changes and an actor is never retracted, so a committed answer stays
   * true: it is cached (a statement names its speaker and targets, usually the same few actors).
   */
  @Override
  public Optional<ActorKind> actorKind(String actorId) {
    synchronized (actorKinds) {
      ActorKind cached = actorKinds.get(actorId);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    ActorKind read = actorKindsRead.get(actorId);
    if (read != null) {
      return Optional.of(read);
    }
    Optional<ActorKind> kind =
        rows.find(actorId)
            .filter(row -> row.kind() == ReferenceKind.ACTOR)
            .map(AggregateReference::actorKind);
    kind.ifPresent(
        found -> {
          actorKindsRead.put(actorId, found);
          onCommit(
              () -> {
                synchronized (actorKinds) {
                  actorKinds.put(actorId, found);
                }
              });
        });
    return kind;
  }

  @Override
  public Optional<SourceSnapshot> source(String sourceId) {
    // a cached source is committed, and a source is never changed or removed: no need to ask
    synchronized (sources) {
      SourceSnapshot cached = sources.get(sourceId);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    // read before in this transaction (a batch cites the same sources over and over)
    SourceSnapshot readBefore = sourcesRead.get(sourceId);
    if (readBefore != null) {
      return Optional.of(readBefore);
    }
    if (rows.find(sourceId).filter(row -> row.kind() == ReferenceKind.SOURCE).isEmpty()) {
      return Optional.empty();
    }
    Optional<SourceSnapshot> read = readSource(sourceId);
    read.ifPresent(
        snapshot -> {
          sourcesRead.put(sourceId, snapshot);
          cacheOnCommit(snapshot);
        });
    return read;
  }

  /**
   * Caches only what is committed: a source registered in a transaction that rolls back must not
   * answer for a later source with the same id.
   */
  private void cacheOnCommit(SourceSnapshot snapshot) {
    onCommit(
        () -> {
          synchronized (sources) {
            sources.put(snapshot.sourceId(), snapshot);
          }
        });
  }

  /** Runs {@code put} once the current transaction committed (at once without one). */
  private static void onCommit(Runnable put) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              put.run();
            }
          });
    } else {
      put.run();
    }
  }

  /** Locks the event's row for share: see {@link AggregateReferences#findForShare}. */
  @Override
  public EventStanding eventStanding(String eventId) {
    return rows.findForShare(eventId)
        .filter(row -> row.kind() == ReferenceKind.DIPLOMATIC_EVENT)
        .map(row -> row.retracted() ? EventStanding.RETRACTED : EventStanding.ON_RECORD)
        .orElse(EventStanding.UNKNOWN);
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private Optional<SourceSnapshot> readSource(String sourceId) {
    DomainEventStream stream = eventStore.readEvents(sourceId);
    if (!stream.hasNext()) {
      return Optional.empty();
    }
    DomainEventMessage<?> first = stream.next();
    return first.getPayload() instanceof SourceRegistered registered
        ? Optional.of(new SourceSnapshot(registered.sourceId(), registered.text()))
        : Optional.empty();
  }
}
