package org.entente.recorder.reference;

import org.entente.api.actor.ActorKind;

/**
 * One row of {@code aggregate_reference}: what an aggregate is, whether it was retracted, and its
 * last sequence number, as of the reading transaction.
 */
public record AggregateReference(
    String aggregateId, ReferenceKind kind, ActorKind actorKind, boolean retracted, long version) {}
