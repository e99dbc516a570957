package org.entente.api.actor;

import java.time.LocalDate;

public record RoleAssigned(
    String actorId, String title, String atActorId, LocalDate from, LocalDate to)
    implements ActorEvent {}
