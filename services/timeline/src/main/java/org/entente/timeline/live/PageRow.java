package org.entente.timeline.live;

import java.time.Instant;
import java.time.LocalDate;
import org.entente.timeline.timeline.Slot;

/**
 * A page row read by the tailer: an entry version appeared on an owner's timeline.
 *
 * @param firstOnGroup no earlier row puts this version on the owner's (group) timeline
 * @param firstOnActor a direct row, and no earlier direct row puts it on the actor's timeline
 * @param day the entry's event day (UTC), the cohesion point it moves
 */
record PageRow(
    LiveKey key,
    Slot slot,
    String ownerId,
    String entryId,
    int version,
    boolean firstOnGroup,
    boolean firstOnActor,
    LocalDate day,
    Instant storedAt) {

  String versionKey() {
    return entryId + "#" + version;
  }
}
