package org.entente.timeline.facts;

import java.time.LocalDate;
import java.util.List;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Weight;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.statement.Stance;

/** The facts as the reader API hands them out: plain records, no rows, no JSON. */
public final class FactRecords {

  private FactRecords() {}

  /** An actor as registered. */
  public record Actor(String actorId, ActorKind kind, String name) {}

  /** {@code actorId} belongs to {@code groupId} from {@code from} to {@code to} (inclusive). */
  public record Membership(String actorId, String groupId, LocalDate from, LocalDate to) {}

  /** {@code actorId} holds {@code title} at {@code atActorId} from {@code from} to {@code to}. */
  public record Role(
      String actorId, String title, String atActorId, LocalDate from, LocalDate to) {}

  /** One version of a diplomatic event, as known in a snapshot. */
  public record Event(
      String eventId,
      String kind,
      String title,
      EventTime time,
      EventStatus status,
      List<Participant> participants,
      List<Citation> sources,
      boolean retracted) {}

  /** One version of a statement, as known in a snapshot. */
  public record Statement(
      String statementId,
      String speakerId,
      String eventId,
      List<String> targetIds,
      EventTime saidAt,
      Stance stance,
      String cameoCode,
      Weight weight,
      List<Citation> citations,
      boolean retracted) {}

  /**
   * A group's stored cohesion sums for one channel (PAIR or INSTITUTION) at the end of a change day
   * (see docs/cohesion.md, "Storage").
   */
  public record CohesionState(
      String channel,
      LocalDate day,
      double sumS,
      double sumA,
      double sumW,
      int observed,
      int negative,
      int memberPairs) {}

  /** What a group's stored series states besides its points. */
  public record CohesionSummary(
      int interactions,
      int duplicates,
      int otherScale,
      java.time.Instant firstTime,
      java.time.Instant lastTime,
      List<String> scaleVersions) {}
}
