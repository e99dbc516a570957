package org.entente.timeline.cohesion;

/**
 * One pair's state at a point: {@code net} = S (decayed Σ mass × weight), {@code weight} = W
 * (decayed Σ mass), {@code affinity} = S / (10 · (W + k)) in (−1, 1). For the institution series
 * {@code b} is the group itself.
 */
public record PairAffinity(String a, String b, double affinity, double weight, double net) {}
