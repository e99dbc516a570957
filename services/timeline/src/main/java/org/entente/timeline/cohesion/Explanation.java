package org.entente.timeline.cohesion;

import java.time.Instant;
import java.util.List;

/**
 * A point taken apart: its value is Σ contributions, with {@code denominator} = 10 · (Σ W + k ·
 * observed).
 */
public record Explanation(
    Instant at,
    double value,
    double coverage,
    double polarisation,
    int observed,
    double denominator,
    List<Contribution> contributions) {}
