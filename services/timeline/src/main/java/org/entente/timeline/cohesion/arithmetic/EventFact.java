package org.entente.timeline.cohesion.arithmetic;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
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
}
