package org.entente.timeline.timeline;

import java.time.Instant;

/** One end of an event-time window: an instant that is itself included or not. */
public record TimeBound(Instant at, boolean inclusive) {}
