package org.entente.timeline.history;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored events to replay, in global order.
 *
 * @param after only events after this global position (resume where a read stopped); null: all
 * @param actorId events of the actor's own stream, events naming the actor, and all events of a
 *     statement or event recorded with the actor (so its corrections come along)
 * @param aggregateId events of one aggregate
 * @param types payload types, fully qualified or simple names (StatementRecorded); empty: all
 * @param recordedFrom record time from (inclusive)
 * @param recordedTo record time to (exclusive)
 * @param limit at most this many events; null: no limit
 */
public record HistoryQuery(
    Long after,
    String actorId,
    String aggregateId,
    Set<String> types,
    Instant recordedFrom,
    Instant recordedTo,
    Long limit) {

  public HistoryQuery {
    types = types == null ? Set.of() : Set.copyOf(types);
  }
}
