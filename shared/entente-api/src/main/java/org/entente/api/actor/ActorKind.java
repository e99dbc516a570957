package org.entente.api.actor;

public enum ActorKind {
  PERSON,
  STATE,
  ORGANISATION,
  ALLIANCE,
  GROUP;

  /** Alliances, groups and organisations have members; persons and states do not. */
  public boolean hasMembers() {
    return this == ORGANISATION || this == ALLIANCE || this == GROUP;
  }
}
