package org.entente.timeline.cohesion.arithmetic;

import java.util.List;

/**
 * Everything known at one record time that the indicator is computed from: actors, memberships,
 * roles, and the current version of every statement and diplomatic event not retracted.
 */
public record CohesionHistory(
    List<ActorFact> actors,
    List<MembershipFact> memberships,
    List<RoleFact> roles,
    List<StatementFact> statements,
    List<EventFact> events) {

  public CohesionHistory {
    actors = List.copyOf(actors);
    memberships = List.copyOf(memberships);
    roles = List.copyOf(roles);
    statements = List.copyOf(statements);
    events = List.copyOf(events);
  }
}
