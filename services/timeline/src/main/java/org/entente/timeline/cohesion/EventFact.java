package org.entente.timeline.cohesion;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;

/** What the indicator knows of one diplomatic event in one version. */
public record EventFact(
    String eventId,
    EventKind kind,
    String title,
    EventTime time,
    EventStatus status,
    List<Participant> participants,
    List<Citation> sources) {

  public EventFact {
    participants = participants == null ? List.of() : List.copyOf(participants);
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public static EventFact of(DiplomaticEventRecorded e) {
    return new EventFact(
        e.eventId(), e.kind(), e.title(), e.time(), e.status(), e.participants(), e.sources());
  }

  /** An amendment carries new values for the fields it changed and nulls for the others. */
  public EventFact amended(DiplomaticEventAmended a) {
    return new EventFact(
        eventId,
        a.kind() != null ? a.kind() : kind,
        a.title() != null ? a.title() : title,
        a.time() != null ? a.time() : time,
        status,
        a.participants() != null ? a.participants() : participants,
        a.sources() != null ? a.sources() : sources);
  }

  public EventFact held(DiplomaticEventHeld h) {
    return new EventFact(
        eventId,
        kind,
        title,
        h.time() != null ? h.time() : time,
        EventStatus.TOOK_PLACE,
        participants,
        sources);
  }

  public EventFact cancelled() {
    return new EventFact(eventId, kind, title, time, EventStatus.CANCELLED, participants, sources);
  }
}
