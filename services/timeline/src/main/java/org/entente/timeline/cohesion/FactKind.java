package org.entente.timeline.cohesion;

/** What kind of record an interaction comes from. */
public enum FactKind {
  STATEMENT,
  EVENT
}
