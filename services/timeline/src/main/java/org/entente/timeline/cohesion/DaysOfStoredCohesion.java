package org.entente.timeline.cohesion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.facts.FactRecords;
import org.entente.timeline.facts.FactSnapshot;

/**
 * A snapshot read for several days of one group's stored cohesion at once: the group, its summary
 * and each channel's states over the days' whole range are read once (one query each), and each
 * day's series takes its rows from them, instead of five queries per day. Everything else, and any
 * range outside the one read, goes to the snapshot.
 */
final class DaysOfStoredCohesion implements FactSnapshot {

  private static final List<String> CHANNELS =
      List.of(Channel.PAIR.name(), Channel.INSTITUTION.name(), StoredCohesion.EVIDENCE);

  private final FactSnapshot facts;
  private final String groupId;
  private final LocalDate first;
  private final LocalDate last;
  private Optional<FactRecords.Actor> group;
  private Optional<FactRecords.CohesionSummary> summary;
  private final Map<String, List<FactRecords.CohesionState>> states = new HashMap<>();

  /** For the member days {@code first} to {@code last} of {@code groupId}. */
  DaysOfStoredCohesion(FactSnapshot facts, String groupId, LocalDate first, LocalDate last) {
    this.facts = facts;
    this.groupId = groupId;
    this.first = first;
    this.last = last;
  }

  @Override
  public Optional<FactRecords.Actor> actor(String actorId) {
    if (!actorId.equals(groupId)) {
      return facts.actor(actorId);
    }
    if (group == null) {
      group = facts.actor(actorId);
    }
    return group;
  }

  @Override
  public Optional<FactRecords.CohesionSummary> lastStoredCohesionSummary(String id) {
    if (!id.equals(groupId)) {
      return facts.lastStoredCohesionSummary(id);
    }
    if (summary == null) {
      summary = facts.lastStoredCohesionSummary(id);
    }
    return summary;
  }

  /**
   * The latest state on or before {@code from}, then each up to {@code to}, taken from the rows
   * read for the whole range (the latest on or before its first day, then each up to its last).
   */
  @Override
  public List<FactRecords.CohesionState> cohesionStates(
      String id, String channel, LocalDate from, LocalDate to) {
    if (!id.equals(groupId)
        || !CHANNELS.contains(channel)
        || from.isBefore(first)
        || to.isAfter(last)) {
      return facts.cohesionStates(id, channel, from, to);
    }
    List<FactRecords.CohesionState> rows =
        states.computeIfAbsent(channel, c -> facts.cohesionStates(groupId, c, first, last));
    List<FactRecords.CohesionState> out = new ArrayList<>();
    FactRecords.CohesionState latest = null;
    for (FactRecords.CohesionState s : rows) {
      if (!s.day().isAfter(from)) {
        latest = s;
      } else if (!s.day().isAfter(to)) {
        if (out.isEmpty() && latest != null) {
          out.add(latest);
        }
        out.add(s);
      }
    }
    if (out.isEmpty() && latest != null) {
      out.add(latest);
    }
    return out;
  }

  @Override
  public Instant asOf() {
    return facts.asOf();
  }

  @Override
  public List<FactRecords.Actor> actors(Collection<String> actorIds) {
    return facts.actors(actorIds);
  }

  @Override
  public List<FactRecords.Membership> memberships() {
    return facts.memberships();
  }

  @Override
  public List<FactRecords.Role> roles() {
    return facts.roles();
  }

  @Override
  public List<FactRecords.Statement> statements(
      Collection<String> actorIds, Instant before, String withinScale) {
    return facts.statements(actorIds, before, withinScale);
  }

  @Override
  public List<FactRecords.Event> events(Collection<String> actorIds, Instant before) {
    return facts.events(actorIds, before);
  }

  @Override
  public Optional<FactRecords.CohesionSummary> cohesionSummary(String id) {
    return facts.cohesionSummary(id);
  }
}
