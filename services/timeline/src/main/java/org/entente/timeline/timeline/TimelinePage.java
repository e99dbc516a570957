package org.entente.timeline.timeline;

import java.util.List;

/** A page of a timeline; {@code nextCursor} is absent on the last page. */
public record TimelinePage(List<TimelineEntry> items, String nextCursor) {}
