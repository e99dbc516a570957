package org.entente.api.event;

/** Everything that can happen to the record of a diplomatic event. */
public sealed interface DiplomaticEventEvent
    permits DiplomaticEventRecorded,
        DiplomaticEventAmended,
        DiplomaticEventHeld,
        DiplomaticEventCancelled,
        DiplomaticEventRetracted {
  String eventId();
}
