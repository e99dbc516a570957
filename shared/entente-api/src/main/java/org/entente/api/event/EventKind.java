package org.entente.api.event;

public enum EventKind {
  SPEECH,
  STATEMENT,
  DINNER,
  MEETING,
  SUMMIT,
  PRESS_CONFERENCE,
  PHONE_CALL,
  VISIT,
  CEREMONY,
  NEGOTIATION,
  AGREEMENT
}
