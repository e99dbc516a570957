package org.entente.timeline.timeline;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.facts.SnapshotReads;
import org.entente.timeline.web.UnknownResourceException;
import org.springframework.stereotype.Service;

/**
 * Answers timeline queries from the live slot. The first page pins a snapshot (the position the
 * live projection had fully handled, plus {@code asOf} if asked); the cursor carries it to later
 * pages, so they neither repeat nor skip entries while events keep arriving, and even across a
 * switch to a rebuilt slot (which has handled at least as much). Each page reads the live slot from
 * the database in its own transaction, so a switch and the clearing of the old slot are never seen
 * half (no empty page while a rebuild switches).
 */
@Service
public class TimelineService {

  private final TimelineSlots slots;
  private final ProcessorPositions positions;
  private final TimelineQueries queries;
  private final SnapshotReads snapshots;

  public TimelineService(
      TimelineSlots slots,
      ProcessorPositions positions,
      TimelineQueries queries,
      SnapshotReads snapshots) {
    this.slots = slots;
    this.positions = positions;
    this.queries = queries;
    // All statements of a page read one database snapshot, even while a rebuild switches slots.
    this.snapshots = snapshots;
  }

  /** The snapshot a first page reads: everything the live projection has handled, up to asOf. */
  public Snapshot currentSnapshot(Instant asOf) {
    return new Snapshot(positions.safePosition(slots.live().processorName()), asOf);
  }

  /** Rejects an unknown actor (404), or for a group timeline an actor that has no members. */
  public void requireKnown(TimelineQuery query) {
    snapshots.run(() -> requireKnown(slots.readLive(), query));
  }

  /**
   * The check against the slot the page is read from, in the page's transaction: a rebuild's switch
   * (which clears the old slot) between the check and the page cannot turn a known actor into a
   * 404.
   */
  private void requireKnown(Slot live, TimelineQuery query) {
    String kind =
        queries
            .actorKind(live, query.actorId())
            .orElseThrow(() -> new UnknownResourceException("id", query.actorId(), "actor"));
    if (query.scope() == TimelineQuery.Scope.GROUP && ActorKind.PERSON.name().equals(kind)) {
      throw new UnknownResourceException("id", query.actorId(), "group");
    }
  }

  public TimelinePage page(TimelineQuery query, Snapshot snapshot, int limit) {
    List<TimelineEntry> found =
        snapshots.read(
            () -> {
              Slot live = slots.readLive();
              requireKnown(live, query);
              return queries.find(live, snapshot, query, limit + 1);
            });
    if (found.size() <= limit) {
      return new TimelinePage(found, null);
    }
    List<TimelineEntry> items = found.subList(0, limit);
    TimelineEntry last = items.get(items.size() - 1);
    String next =
        TimelineCursor.of(
                snapshot, new TimelineCursor.After(last.time().at(), last.entryId()), query)
            .encode();
    return new TimelinePage(List.copyOf(items), next);
  }

  /** Hands every matching entry to {@code sink}, page by page, without holding them all. */
  public void forEach(
      TimelineQuery query, Snapshot snapshot, int pageSize, Consumer<TimelineEntry> sink) {
    TimelineQuery next = query;
    while (true) {
      TimelineQuery current = next;
      List<TimelineEntry> page =
          snapshots.read(() -> queries.find(slots.readLive(), snapshot, current, pageSize));
      page.forEach(sink);
      if (page.size() < pageSize) {
        return;
      }
      TimelineEntry last = page.get(page.size() - 1);
      next = query.startingAfter(new TimelineCursor.After(last.time().at(), last.entryId()));
    }
  }
}
