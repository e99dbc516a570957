package org.entente.timeline.timeline;

import java.time.Instant;

/**
 * The record-time view a query reads: versions made by events up to {@code position} (the global
 * index the live projection had fully handled when the first page was asked) and, when {@code asOf}
 * is given, recorded no later than that instant. Pinning both keeps later pages consistent with the
 * first while new events arrive.
 */
public record Snapshot(long position, Instant asOf) {}
