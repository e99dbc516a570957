package org.entente.timeline.timeline;

import java.time.Instant;

/**
 * An event as the projection sees it: its global position in the event store, its record time (the
 * event store timestamp) and its payload, one of the {@code org.entente.api} records.
 */
public record RecordedEvent(long position, Instant recordedAt, Object payload) {}
