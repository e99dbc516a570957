package org.entente.timeline.rebuild;

import java.time.Instant;

/**
 * What the timeline projection is doing: which slot answers queries, how far its processor is, and
 * the progress of a rebuild if one runs.
 *
 * @param state LIVE, or REBUILDING while a second slot is built from the first event
 * @param head the global position of the newest stored event (-1: none)
 */
public record RebuildStatus(
    String projection,
    State state,
    long head,
    ProcessorView live,
    Progress rebuild,
    LastRebuild lastRebuild) {

  public enum State {
    LIVE,
    REBUILDING
  }

  /** A slot's processor: where it stands and how far behind the head. */
  public record ProcessorView(
      String slot, String processor, boolean running, boolean error, long position, long lag) {}

  /**
   * A running rebuild: position reached of head, rate since it started; once the replay has caught
   * up, the groups whose stored cohesion is still to be computed before the switch.
   */
  public record Progress(
      String slot,
      String processor,
      Instant startedAt,
      long position,
      long head,
      double percent,
      double eventsPerSecond,
      double elapsedSeconds,
      boolean running,
      Phase phase,
      Long cohesionGroupsLeft) {}

  /** Replaying the events; then computing the stored cohesion of its groups before the switch. */
  public enum Phase {
    REPLAYING,
    STORING_COHESION
  }

  /** The last completed rebuild. */
  public record LastRebuild(Instant switchedAt, Double seconds, Long position) {}
}
