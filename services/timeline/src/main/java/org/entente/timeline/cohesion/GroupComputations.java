package org.entente.timeline.cohesion;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets at most {@code entente.cohesion.max-concurrent-computations} requests (1 by default) compute
 * a group's indicator from its facts at a time; the others wait their turn, up to {@code
 * entente.cohesion.computation-wait} (30 s), and are then answered 503 with {@code Retry-After}.
 * Such a computation holds the facts of the group's whole reach in memory: at 100,000 events, four
 * of them together (four dashboards asking just after a rebuild, while every group's stored
 * cohesion is being recomputed) exhausted a 512 MB heap and took the service down. A request waits
 * here before its snapshot's transaction opens, so a waiting request holds no database connection;
 * series answered from the stored cohesion never wait here. (The Kafka derived-updates publisher,
 * one thread, reads stored rows and is not counted.)
 */
@Component
class GroupComputations {

  private final Semaphore permits;
  private final Duration wait;

  GroupComputations(
      @Value("${entente.cohesion.max-concurrent-computations:1}") int permits,
      @Value("${entente.cohesion.computation-wait:30s}") Duration wait) {
    if (permits < 1) {
      throw new IllegalArgumentException(
          "entente.cohesion.max-concurrent-computations must be at least 1");
    }
    this.permits = new Semaphore(permits, true);
    this.wait = wait;
  }

  /**
   * Runs {@code computation} once a permit is free; {@link CohesionBusyException} after the wait.
   */
  <T> T run(String groupId, Supplier<T> computation) {
    try {
      if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new CohesionBusyException(groupId, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CohesionBusyException(groupId, wait);
    }
    try {
      return computation.get();
    } finally {
      permits.release();
    }
  }
}
