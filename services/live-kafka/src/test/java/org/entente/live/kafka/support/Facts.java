package org.entente.live.kafka.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.TimePrecision;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.source.SourceRegistered;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;

/** Published-language events for tests, with sensible defaults. */
public final class Facts {

  private Facts() {}

  public static ActorRegistered actor(String id, ActorKind kind, String name) {
    return new ActorRegistered(id, kind, name, List.of(), Map.of());
  }

  public static MembershipRecorded membership(
      String actorId, String groupId, String from, String to) {
    return new MembershipRecorded(
        actorId, groupId, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  public static RoleAssigned role(
      String personId, String title, String atId, String from, String to) {
    return new RoleAssigned(
        personId, title, atId, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
  }

  public static SourceRegistered source(String id, String title) {
    return new SourceRegistered(
        id,
        "NOS",
        "https://nos.nl/" + id,
        title,
        Instant.parse("2025-02-13T18:00:00Z"),
        "nl",
        null,
        null);
  }

  public static Citation cite(String sourceId, AttributionGrade grade) {
    return new Citation(sourceId, new Excerpt(0, 10, null), grade);
  }

  public static EventTime day(String date) {
    return new EventTime(Instant.parse(date + "T00:00:00Z"), TimePrecision.DAY);
  }

  public static EventTime at(String instant) {
    return EventTime.instant(Instant.parse(instant));
  }

  public static DiplomaticEventRecorded event(
      String id, EventKind kind, String title, EventTime time, List<Participant> participants) {
    return new DiplomaticEventRecorded(
        id, kind, title, time, "Brussels", participants, EventStatus.TOOK_PLACE, List.of());
  }

  public static Participant participant(String actorId, ParticipantPart part) {
    return new Participant(actorId, part);
  }

  public static StatementRecorded statement(
      String id,
      String speakerId,
      List<String> targets,
      EventTime saidAt,
      Stance stance,
      String text) {
    return statement(id, speakerId, targets, saidAt, stance, text, List.of(), List.of());
  }

  public static StatementRecorded statement(
      String id,
      String speakerId,
      List<String> targets,
      EventTime saidAt,
      Stance stance,
      String text,
      List<String> topics,
      List<Citation> citations) {
    return new StatementRecorded(
        id,
        speakerId,
        null,
        targets,
        saidAt,
        stance,
        "111",
        Weight.goldstein(-2.0),
        null,
        topics,
        new LocalizedText("nl", text),
        List.of(),
        citations);
  }

  /** A correction of the original text only. */
  public static StatementCorrected correctText(String id, String text, String reason) {
    return new StatementCorrected(
        id,
        List.of("original"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        new LocalizedText("nl", text),
        reason);
  }
}
