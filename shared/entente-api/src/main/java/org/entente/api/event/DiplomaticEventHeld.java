package org.entente.api.event;

import org.entente.api.common.EventTime;

public record DiplomaticEventHeld(String eventId, EventTime time) implements DiplomaticEventEvent {}
