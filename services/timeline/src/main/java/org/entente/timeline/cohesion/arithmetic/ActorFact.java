package org.entente.timeline.cohesion.arithmetic;

import org.entente.api.actor.ActorKind;

/** An actor as the indicator needs it: its kind decides whether it speaks for its members. */
public record ActorFact(String actorId, ActorKind kind, String name) {}
