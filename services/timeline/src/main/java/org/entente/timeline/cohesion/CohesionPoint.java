package org.entente.timeline.cohesion;

import java.time.Instant;
import java.util.List;

/**
 * The indicator at instant {@code at}, from the interactions before it.
 *
 * @param value C = Σ S / (10 · (Σ W + k · observed)), in (−1, 1); 0 without evidence
 * @param coverage Σ W, how much (decayed, reliability-weighted) evidence there is
 * @param polarisation the share of observed pairs whose affinity is negative
 * @param observed the number of member pairs with any interaction so far
 * @param pairs every observed pair, when asked for
 */
public record CohesionPoint(
    Instant at,
    double value,
    double coverage,
    double polarisation,
    int observed,
    List<PairAffinity> pairs) {}
