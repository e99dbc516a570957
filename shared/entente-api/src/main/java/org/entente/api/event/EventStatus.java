package org.entente.api.event;

public enum EventStatus {
  SCHEDULED,
  TOOK_PLACE,
  CANCELLED
}
