package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.util.List;

/**
 * The indicator at instant {@code at}, from the interactions before it.
 *
 * @param value C = Σ S / (Σ A + 10 · k · memberPairs), in (−1, 1); 0 without evidence
 * @param coverage Σ W, how much (decayed, reliability-weighted) evidence there is
 * @param intensity Σ A, the decayed, reliability-weighted Σ |weight| of that evidence
 * @param polarisation the share of observed pairs whose affinity is negative
 * @param observed the number of member pairs with any interaction so far
 * @param memberPairs the number of pairs the group has at {@code at} (members in the institution
 *     series), observed or not
 * @param pairs every observed pair, when asked for
 */
public record CohesionPoint(
    Instant at,
    double value,
    double coverage,
    double intensity,
    double polarisation,
    int observed,
    int memberPairs,
    List<PairAffinity> pairs) {}
