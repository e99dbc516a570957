package org.entente.timeline.facts;

import java.time.Instant;
import java.util.function.Function;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.entente.timeline.timeline.TimelineSlots;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fact store as the views read it: the live slot, in one REPEATABLE READ transaction whose
 * first statement reads which slot is live (so a rebuild's switch is seen whole or not at all),
 * pinned to the position the live projection had fully handled, and {@code asOf} if given — the
 * same snapshot a first timeline page reads.
 */
@Component
public class LiveFacts {

  private final TimelineSlots slots;
  private final ProcessorPositions positions;
  private final FactReader reader;
  private final SnapshotReads snapshots;

  public LiveFacts(
      TimelineSlots slots,
      ProcessorPositions positions,
      NamedParameterJdbcTemplate jdbc,
      TimelineDocuments documents,
      SnapshotReads snapshots) {
    this.slots = slots;
    this.positions = positions;
    this.reader = new FactReader(jdbc, documents.mapper());
    this.snapshots = snapshots;
  }

  /** Runs {@code work} on the facts known now, or at record time {@code asOf} when given. */
  public <T> T read(Instant asOf, Function<FactSnapshot, T> work) {
    return snapshots.read(
        () -> {
          var live = slots.readLive();
          long position = positions.safePosition(live.processorName());
          return work.apply(reader.at(live, new Snapshot(position, asOf)));
        });
  }
}
