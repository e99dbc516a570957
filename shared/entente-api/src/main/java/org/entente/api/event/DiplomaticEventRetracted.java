package org.entente.api.event;

public record DiplomaticEventRetracted(String eventId, String reason)
    implements DiplomaticEventEvent {}
