package org.entente.timeline.support;

import java.time.Duration;
import java.time.Instant;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;

/** Waits for the live timeline slot to have handled every stored event. */
public class Projections {

  private final ProcessorPositions positions;
  private final TimelineSlots slots;

  public Projections(ProcessorPositions positions, TimelineSlots slots) {
    this.positions = positions;
    this.slots = slots;
  }

  public void awaitCaughtUp() {
    long head = positions.head();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (positions.safePosition(slots.live().processorName()) < head) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timeline did not reach position "
                + head
                + " (at "
                + positions.safePosition(slots.live().processorName())
                + ")");
      }
      sleep(20);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
