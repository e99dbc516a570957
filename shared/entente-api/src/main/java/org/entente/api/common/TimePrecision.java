package org.entente.api.common;

/** How precisely the event time of a fact is known. */
public enum TimePrecision {
  INSTANT,
  DAY,
  MONTH
}
