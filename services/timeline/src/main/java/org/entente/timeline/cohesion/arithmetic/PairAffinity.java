package org.entente.timeline.cohesion.arithmetic;

/**
 * One pair's state at a point: {@code net} = S (decayed Σ mass × weight), {@code weight} = W
 * (decayed Σ mass), {@code intensity} = A (decayed Σ mass × |weight|), {@code affinity} = S / (A +
 * 10 · k) in (−1, 1). For the institution series {@code b} is the group itself.
 */
public record PairAffinity(
    String a, String b, double affinity, double weight, double net, double intensity) {}
