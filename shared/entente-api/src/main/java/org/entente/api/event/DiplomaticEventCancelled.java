package org.entente.api.event;

public record DiplomaticEventCancelled(String eventId, String reason)
    implements DiplomaticEventEvent {}
