package org.entente.timeline.facts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.entente.timeline.facts.FactRecords.Actor;
import org.entente.timeline.facts.FactRecords.Event;
import org.entente.timeline.facts.FactRecords.Membership;
import org.entente.timeline.facts.FactRecords.Role;
import org.entente.timeline.facts.FactRecords.Statement;

/**
 * The fact store as known in one snapshot: the live slot, the events its projection had handled
 * when the snapshot was taken and, with {@code asOf}, recorded no later than that instant (the one
 * record clock, see {@link org.entente.timeline.timeline.RecordedEvent}). Memberships, roles and
 * entry versions are visible by the same rule the timeline pages use.
 */
public interface FactSnapshot {

  /** The record time the snapshot is read at, or null for everything known. */
  Instant asOf();

  /** An actor whatever its record time (to tell an unknown id from one recorded later). */
  Optional<Actor> actor(String actorId);

  /** The actors known in the snapshot, of the given ids. */
  List<Actor> actors(Collection<String> actorIds);

  /** Every membership known in the snapshot. */
  List<Membership> memberships();

  /** Every role known in the snapshot. */
  List<Role> roles();

  /**
   * The statements visible in the snapshot (current version as then known) naming at least one of
   * {@code actorIds} (speaker or target), said before {@code before} (no bound when null). With a
   * {@code withinScale}, only those that can count for a group whose reach is {@code actorIds}:
   * spoken by one of them to (at least) one of them, or weighed on a scale other than {@code
   * withinScale} (a group counts those as evidence it leaves out); no other statement naming the
   * reach can ever be one of the group's interactions (its speaker or all its targets resolve to
   * nobody).
   */
  List<Statement> statements(Collection<String> actorIds, Instant before, String withinScale);

  /** The diplomatic events visible in the snapshot with one of {@code actorIds} taking part. */
  List<Event> events(Collection<String> actorIds, Instant before);

  /** The group's stored cohesion summary (default parameters), if the projection stored one. */
  Optional<FactRecords.CohesionSummary> cohesionSummary(String groupId);

  /**
   * The group's last stored cohesion summary, even if a batch has marked the group for a
   * recomputation since: for a reader that has checked what the stored rows cover.
   */
  Optional<FactRecords.CohesionSummary> lastStoredCohesionSummary(String groupId);

  /**
   * The group's stored cohesion states of {@code channel} a series over member days {@code first}
   * to {@code last} reads: the latest on or before {@code first}, then each up to {@code last}.
   */
  List<FactRecords.CohesionState> cohesionStates(
      String groupId, String channel, java.time.LocalDate first, java.time.LocalDate last);
}
