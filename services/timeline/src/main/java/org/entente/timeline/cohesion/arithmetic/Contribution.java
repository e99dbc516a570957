package org.entente.timeline.cohesion.arithmetic;

/**
 * What one interaction adds to the value at a point: {@code contribution} = mass × weight × decay /
 * denominator, so the contributions of a point add up to its value.
 *
 * @param decay e^(−λ·(t − t_k))
 */
public record Contribution(Interaction interaction, double decay, double contribution) {}
