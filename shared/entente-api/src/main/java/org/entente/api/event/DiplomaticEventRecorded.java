package org.entente.api.event;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;

public record DiplomaticEventRecorded(
    String eventId,
    EventKind kind,
    String title,
    EventTime time,
    String location,
    List<Participant> participants,
    EventStatus status,
    List<Citation> sources)
    implements DiplomaticEventEvent {}
