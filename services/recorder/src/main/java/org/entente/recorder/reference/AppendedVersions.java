package org.entente.recorder.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The last sequence number appended per aggregate while a caller on this thread watches, so the
 * caller learns the version a command left without reading the event table again. Commands run on
 * the dispatching thread (Axon's SimpleCommandBus), where {@link ReferenceWriter} sees their events
 * just before they are appended.
 */
public final class AppendedVersions {

  private static final ThreadLocal<Map<String, Long>> WATCHED = new ThreadLocal<>();

  private AppendedVersions() {}

  /** Starts watching on this thread (again: forgets what was seen before). */
  public static void watch() {
    WATCHED.set(new HashMap<>());
  }

  /** The last sequence number appended for the aggregate since {@link #watch()}. */
  public static OptionalLong of(String aggregateId) {
    Map<String, Long> seen = WATCHED.get();
    Long version = seen == null ? null : seen.get(aggregateId);
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  public static void stop() {
    WATCHED.remove();
  }

  static void appended(String aggregateId, long version) {
    Map<String, Long> seen = WATCHED.get();
    if (seen != null) {
      seen.put(aggregateId, version);
    }
  }
}
