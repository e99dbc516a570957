package org.entente.api.event;

public enum ParticipantPart {
  HOST,
  GUEST,
  SPEAKER,
  ATTENDEE
}
