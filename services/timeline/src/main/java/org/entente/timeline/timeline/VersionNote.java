package org.entente.timeline.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One step in an entry's history: what changed, why, and when the service learned it (record time
 * and global position of the event that made the version).
 */
public record VersionNote(
    int version,
    Change change,
    Instant recordedAt,
    long position,
    List<String> changed,
    String reason) {

  /** The kind of fact that made a new version. */
  public enum Change {
    RECORDED,
    CORRECTED,
    AMENDED,
    TRANSLATION_ADDED,
    SOURCE_CITED,
    HELD,
    CANCELLED,
    RETRACTED
  }
}
