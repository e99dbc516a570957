package org.entente.timeline.timeline;

/** What a timeline entry records. */
public enum EntryType {
  /** A diplomatic event (speech, meeting, dinner, summit, ...). */
  EVENT,
  /** A statement an actor made or is reported to have made. */
  STATEMENT
}
