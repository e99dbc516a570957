package org.entente.timeline.timeline;

/** How an actor figures in a timeline entry. */
public enum ActorRole {
  /** Made the statement. */
  SPEAKER,
  /** The statement was aimed at them. */
  TARGET,
  /** Took part in the diplomatic event (as host, guest, speaker or attendee). */
  PARTICIPANT
}
