package org.entente.timeline.cohesion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.Citation;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventStatus;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.timeline.cohesion.arithmetic.ActorFact;
import org.entente.timeline.cohesion.arithmetic.CohesionHistory;
import org.entente.timeline.cohesion.arithmetic.EventFact;
import org.entente.timeline.cohesion.arithmetic.MembershipFact;
import org.entente.timeline.cohesion.arithmetic.RoleFact;
import org.entente.timeline.cohesion.arithmetic.StatementFact;

/**
 * Recomputation from history, written independently of the projection: replays the events recorded
 * up to a record time into the facts known then, with no tables and no versions.
 */
final class HistoryFold {

  private HistoryFold() {}

  static CohesionHistory fold(List<Recorded> history) {
    return fold(history, null);
  }

  /** The facts known at {@code asOf} (everything when null). */
  static CohesionHistory fold(List<Recorded> history, Instant asOf) {
    Map<String, ActorFact> actors = new LinkedHashMap<>();
    List<MembershipFact> memberships = new ArrayList<>();
    List<RoleFact> roles = new ArrayList<>();
    Map<String, StatementFact> statements = new LinkedHashMap<>();
    Map<String, EventFact> events = new LinkedHashMap<>();
    Set<String> retracted = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (Recorded r : history) {
      if ((asOf != null && r.recordedAt().isAfter(asOf)) || !seen.add(r.messageId())) {
        continue;
      }
      Object e = r.payload();
      if (e instanceof ActorRegistered a) {
        actors.putIfAbsent(a.actorId(), new ActorFact(a.actorId(), a.kind(), a.name()));
      } else if (e instanceof MembershipRecorded m) {
        memberships.add(new MembershipFact(m.actorId(), m.groupId(), m.from(), m.to()));
      } else if (e instanceof RoleAssigned ro) {
        roles.add(new RoleFact(ro.actorId(), ro.title(), ro.atActorId(), ro.from(), ro.to()));
      } else if (e instanceof StatementRecorded s) {
        if (!statements.containsKey(s.statementId())
            && !retracted.contains("s" + s.statementId())) {
          statements.put(s.statementId(), statement(s));
        }
      } else if (e instanceof StatementCorrected c) {
        statements.computeIfPresent(c.statementId(), (id, s) -> corrected(s, c));
      } else if (e instanceof SourceCited c) {
        statements.computeIfPresent(c.statementId(), (id, s) -> cited(s, c));
      } else if (e instanceof StatementRetracted x) {
        if (statements.remove(x.statementId()) != null) {
          retracted.add("s" + x.statementId());
        }
      } else if (e instanceof DiplomaticEventRecorded d) {
        if (!events.containsKey(d.eventId()) && !retracted.contains("e" + d.eventId())) {
          events.put(d.eventId(), event(d));
        }
      } else if (e instanceof DiplomaticEventAmended a) {
        events.computeIfPresent(a.eventId(), (id, f) -> amended(f, a));
      } else if (e instanceof DiplomaticEventHeld h) {
        events.computeIfPresent(h.eventId(), (id, f) -> held(f, h));
      } else if (e instanceof DiplomaticEventCancelled c) {
        events.computeIfPresent(c.eventId(), (id, f) -> cancelled(f));
      } else if (e instanceof DiplomaticEventRetracted x) {
        if (events.remove(x.eventId()) != null) {
          retracted.add("e" + x.eventId());
        }
      }
    }
    return new CohesionHistory(
        List.copyOf(actors.values()),
        memberships,
        roles,
        List.copyOf(statements.values()),
        List.copyOf(events.values()));
  }

  private static StatementFact statement(StatementRecorded e) {
    return new StatementFact(
        e.statementId(),
        e.speakerId(),
        e.eventId(),
        e.targetIds(),
        e.saidAt(),
        e.stance(),
        e.cameoCode(),
        e.weight(),
        e.citations());
  }

  /** As the Statement aggregate applies it: a null field is unchanged, none is ever cleared. */
  private static StatementFact corrected(StatementFact s, StatementCorrected c) {
    return new StatementFact(
        s.statementId(),
        c.speakerId() != null ? c.speakerId() : s.speakerId(),
        c.eventId() != null ? c.eventId() : s.eventId(),
        c.targetIds() != null ? c.targetIds() : s.targetIds(),
        c.saidAt() != null ? c.saidAt() : s.saidAt(),
        c.stance() != null ? c.stance() : s.stance(),
        c.cameoCode() != null ? c.cameoCode() : s.cameoCode(),
        c.weight() != null ? c.weight() : s.weight(),
        s.citations());
  }

  private static StatementFact cited(StatementFact s, SourceCited c) {
    List<Citation> more = new ArrayList<>(s.citations());
    more.add(c.citation());
    return new StatementFact(
        s.statementId(),
        s.speakerId(),
        s.eventId(),
        s.targetIds(),
        s.saidAt(),
        s.stance(),
        s.cameoCode(),
        s.weight(),
        more);
  }

  private static EventFact event(DiplomaticEventRecorded e) {
    return new EventFact(
        e.eventId(), e.kind(), e.title(), e.time(), e.status(), e.participants(), e.sources());
  }

  private static EventFact amended(EventFact f, DiplomaticEventAmended a) {
    return new EventFact(
        f.eventId(),
        a.kind() != null ? a.kind() : f.kind(),
        a.title() != null ? a.title() : f.title(),
        a.time() != null ? a.time() : f.time(),
        f.status(),
        a.participants() != null ? a.participants() : f.participants(),
        a.sources() != null ? a.sources() : f.sources());
  }

  private static EventFact held(EventFact f, DiplomaticEventHeld h) {
    return new EventFact(
        f.eventId(),
        f.kind(),
        f.title(),
        h.time() != null ? h.time() : f.time(),
        EventStatus.TOOK_PLACE,
        f.participants(),
        f.sources());
  }

  private static EventFact cancelled(EventFact f) {
    return new EventFact(
        f.eventId(),
        f.kind(),
        f.title(),
        f.time(),
        EventStatus.CANCELLED,
        f.participants(),
        f.sources());
  }
}
