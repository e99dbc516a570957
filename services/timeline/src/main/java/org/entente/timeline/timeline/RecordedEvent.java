package org.entente.timeline.timeline;

import java.time.Instant;

/**
 * An event as the fact store sees it: its identifier, its global position in the event store, its
 * record time and its payload, one of the {@code org.entente.api} records.
 *
 * <p>The record time is the one record clock of the read side: the event's {@code recordedAt}
 * metadata, stamped by the recorder when it accepted the command (the event store timestamp only
 * for an event stored without it). Every fact (actor, source, membership, role, entry version)
 * takes it, so the timeline and cohesion answer {@code asOf} the same way.
 */
public record RecordedEvent(String eventId, long position, Instant recordedAt, Object payload) {

  /** An event identified by its position (tests and tools that have no event identifier). */
  public RecordedEvent(long position, Instant recordedAt, Object payload) {
    this("position:" + position, position, recordedAt, payload);
  }

  /** The record time of a stored event: its recordedAt metadata, else its store timestamp. */
  public static Instant recordTime(Object recordedAtMetadata, Instant storedAt) {
    return recordedAtMetadata == null ? storedAt : Instant.parse(recordedAtMetadata.toString());
  }
}
