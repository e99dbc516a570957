package org.entente.api.actor;

import java.time.LocalDate;

public record MembershipRecorded(String actorId, String groupId, LocalDate from, LocalDate to)
    implements ActorEvent {}
