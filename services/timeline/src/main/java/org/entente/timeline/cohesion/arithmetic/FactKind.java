package org.entente.timeline.cohesion.arithmetic;

/** What kind of record an interaction comes from. */
public enum FactKind {
  STATEMENT,
  EVENT
}
