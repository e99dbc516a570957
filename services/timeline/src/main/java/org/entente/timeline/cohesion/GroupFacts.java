package org.entente.timeline.cohesion;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.actor.ActorKind;
import org.entente.api.event.EventKind;
import org.entente.timeline.cohesion.arithmetic.ActorFact;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.CohesionScale;
import org.entente.timeline.cohesion.arithmetic.EventFact;
import org.entente.timeline.cohesion.arithmetic.GroupReach;
import org.entente.timeline.cohesion.arithmetic.MembershipFact;
import org.entente.timeline.cohesion.arithmetic.RoleFact;
import org.entente.timeline.cohesion.arithmetic.StatementFact;
import org.entente.timeline.facts.FactRecords;
import org.entente.timeline.facts.FactSnapshot;

/**
 * Loads what one group's indicator is computed from, through the fact store's reader API: the
 * memberships and roles known in the snapshot, and only the statements and events naming an actor
 * of the group's reach ({@link GroupReach}), never the whole store; of the statements, only those
 * spoken within the reach (or on another scale, counted as such): a group's reach speaks mostly to
 * the world outside it, and those statements were read, parsed and held for nothing.
 */
final class GroupFacts {

  private GroupFacts() {}

  static CohesionHistory load(
      FactSnapshot facts,
      String groupId,
      Set<String> fixedMembers,
      Instant before,
      CohesionScale scale) {
    return load(facts, groupId, fixedMembers, before, scale, memberships(facts), roles(facts));
  }

  static List<MembershipFact> memberships(FactSnapshot facts) {
    return facts.memberships().stream()
        .map(m -> new MembershipFact(m.actorId(), m.groupId(), m.from(), m.to()))
        .toList();
  }

  static List<RoleFact> roles(FactSnapshot facts) {
    return facts.roles().stream()
        .map(r -> new RoleFact(r.actorId(), r.title(), r.atActorId(), r.from(), r.to()))
        .toList();
  }

  /**
   * As {@link #load}, with the snapshot's memberships and roles already read; {@code scale} null
   * reads every statement naming the reach (what a check of the fact store compares).
   */
  static CohesionHistory load(
      FactSnapshot facts,
      String groupId,
      Set<String> fixedMembers,
      Instant before,
      CohesionScale scale,
      List<MembershipFact> memberships,
      List<RoleFact> roles) {
    Set<String> groups = new TreeSet<>();
    memberships.forEach(m -> groups.add(m.groupId()));
    Map<String, ActorKind> kinds = new HashMap<>();
    facts.actors(groups).forEach(a -> kinds.put(a.actorId(), a.kind()));
    Set<String> reach = GroupReach.of(groupId, fixedMembers, memberships, roles, kinds);
    Set<String> known = new TreeSet<>(reach);
    known.addAll(groups);
    List<ActorFact> actors =
        facts.actors(known).stream()
            .map(a -> new ActorFact(a.actorId(), a.kind(), a.name()))
            .toList();
    List<StatementFact> statements =
        facts.statements(reach, before, scale == null ? null : scale.id()).stream()
            .filter(s -> !s.retracted())
            .map(GroupFacts::statement)
            .toList();
    List<EventFact> events =
        facts.events(reach, before).stream()
            .filter(e -> !e.retracted())
            .map(GroupFacts::event)
            .toList();
    return new CohesionHistory(actors, memberships, roles, statements, events);
  }

  private static StatementFact statement(FactRecords.Statement s) {
    return new StatementFact(
        s.statementId(),
        s.speakerId(),
        s.eventId(),
        s.targetIds(),
        s.saidAt(),
        s.stance(),
        s.cameoCode(),
        s.weight(),
        s.citations());
  }

  private static EventFact event(FactRecords.Event e) {
    return new EventFact(
        e.eventId(),
        e.kind() == null ? null : EventKind.valueOf(e.kind()),
        e.title(),
        e.time(),
        e.status(),
        e.participants(),
        e.sources());
  }
}
