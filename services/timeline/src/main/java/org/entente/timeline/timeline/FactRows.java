package org.entente.timeline.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.timeline.SlotWriter.CurrentVersion;

/**
 * Where the projector writes the facts of one slot: straight to the tables ({@link SlotWriter}), or
 * into a buffer that writes a whole processor batch at once ({@link BufferedRows}). Both write the
 * same rows; every write is idempotent.
 */
public interface FactRows {

  void putActor(
      String actorId,
      ActorKind kind,
      String name,
      List<String> aliases,
      Map<String, String> externalIds,
      Instant at,
      long position);

  void addRole(
      String eventId,
      long position,
      String actorId,
      String title,
      String atActorId,
      LocalDate from,
      LocalDate to,
      Instant at);

  void addMembership(
      String eventId,
      long position,
      String actorId,
      String groupId,
      LocalDate from,
      LocalDate to,
      Instant at);

  void putSource(
      String sourceId,
      String publisher,
      String url,
      String title,
      Instant publishedAt,
      String language,
      Instant at,
      long position);

  /** The version of an entry that is current (including what this writer holds unwritten). */
  Optional<CurrentVersion> current(String entryId);

  /** Stores a new version and, if there was one, closes the previous version's record time. */
  void append(EntryDoc doc, Instant recordedFrom, long position);
}
