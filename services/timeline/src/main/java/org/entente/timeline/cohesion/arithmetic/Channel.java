package org.entente.timeline.cohesion.arithmetic;

/**
 * Where an interaction counts: between two members of the group (the cohesion series) or between a
 * member and the group as an institution (the member-to-institution series).
 */
public enum Channel {
  PAIR,
  INSTITUTION
}
