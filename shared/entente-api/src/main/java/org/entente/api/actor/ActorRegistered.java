package org.entente.api.actor;

import java.util.List;
import java.util.Map;

public record ActorRegistered(
    String actorId,
    ActorKind kind,
    String name,
    List<String> aliases,
    Map<String, String> externalIds)
    implements ActorEvent {}
