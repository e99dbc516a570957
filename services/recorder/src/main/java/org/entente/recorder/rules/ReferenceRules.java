package org.entente.recorder.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.actor.ActorKind;
import org.entente.recorder.reference.References;

/**
 * The other aggregates a command names must be on record (404 otherwise); a retracted diplomatic
 * event takes no new statements (409).
 */
public final class ReferenceRules {

  private ReferenceRules() {}

  public static ActorKind requireActor(String field, String actorId, References references) {
    return references
        .actorKind(actorId)
        .orElseThrow(() -> new UnknownReferenceException(field, actorId, "actor"));
  }

  /** Every actor of a list, naming faults {@code field[i]}; an actor listed twice is a 422. */
  public static void requireActors(String field, List<String> actorIds, References references) {
    if (actorIds == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < actorIds.size(); i++) {
      String at = field + "[" + i + "]";
      requireActor(at, actorIds.get(i), references);
      if (!seen.add(actorIds.get(i))) {
        throw new RuleViolationException(at, "actor '" + actorIds.get(i) + "' is listed twice");
      }
    }
  }

  public static void requireEvent(String field, String eventId, References references) {
    References.EventStanding standing = references.eventStanding(eventId);
    if (standing == References.EventStanding.UNKNOWN) {
      throw new UnknownReferenceException(field, eventId, "diplomatic event");
    }
    if (standing == References.EventStanding.RETRACTED) {
      throw new WrongStateException(
          field, "diplomatic event '" + eventId + "' was retracted; nothing more is said at it");
    }
  }
}
