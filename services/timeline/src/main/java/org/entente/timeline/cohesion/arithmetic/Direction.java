package org.entente.timeline.cohesion.arithmetic;

/** Who acted on whom within an interaction's two parties {@code a} and {@code b}. */
public enum Direction {
  A_TO_B,
  B_TO_A,
  /** Both ways at once: a meeting, or one statement that fans out both ways. */
  MUTUAL;

  /** Two records of one occasion are reciprocal when they do not both point the same way. */
  public boolean reciprocalOf(Direction other) {
    return this == MUTUAL || other == MUTUAL || this != other;
  }

  public Direction merge(Direction other) {
    return this == other ? this : MUTUAL;
  }
}
