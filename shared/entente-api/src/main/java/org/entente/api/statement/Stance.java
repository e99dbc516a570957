package org.entente.api.statement;

/** What a statement does towards its targets. */
public enum Stance {
  SUPPORT,
  PRAISE,
  CRITICISM,
  DEMAND,
  THREAT,
  COMMITMENT,
  CONCESSION,
  REJECTION,
  ACCUSATION,
  APPEAL,
  NEUTRAL
}
