package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.util.List;

/**
 * A point taken apart: its value is Σ contributions, with {@code denominator} D = {@code intensity}
 * + 10 · k · {@code memberPairs}.
 */
public record Explanation(
    Instant at,
    double value,
    double coverage,
    double intensity,
    double polarisation,
    int observed,
    int memberPairs,
    double denominator,
    List<Contribution> contributions) {}
