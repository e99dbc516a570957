package org.entente.api.event;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;

/** The new values of the fields named in {@code changed}; the others are null. */
public record DiplomaticEventAmended(
    String eventId,
    List<String> changed,
    EventKind kind,
    String title,
    EventTime time,
    String location,
    List<Participant> participants,
    List<Citation> sources,
    String reason)
    implements DiplomaticEventEvent {}
