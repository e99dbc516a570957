package org.entente.timeline.facts;

import java.util.Set;

/**
 * A batch of the fact-store projection, just written in its transaction (not yet committed): the
 * slot's facts including the batch, the actors the batch's facts name (every version of each entry
 * it changed, memberships, roles, actors), and the slot's stored cohesion to update in the same
 * transaction.
 */
public record FactBatch(FactSnapshot facts, Set<String> touchedActors, CohesionStore cohesion) {}
