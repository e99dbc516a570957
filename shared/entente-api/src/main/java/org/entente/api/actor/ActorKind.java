package org.entente.api.actor;

public enum ActorKind {
  PERSON,
  STATE,
  ORGANISATION,
  ALLIANCE,
  GROUP
}
