package org.entente.api.actor;

/** Everything that can happen to an actor's record. */
public sealed interface ActorEvent permits ActorRegistered, RoleAssigned, MembershipRecorded {
  String actorId();
}
