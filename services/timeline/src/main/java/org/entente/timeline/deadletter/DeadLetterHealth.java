package org.entente.timeline.deadletter;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code DEGRADED} while events wait in a dead-letter queue: the service answers, but some view
 * lacks those events (and the later events of their aggregates) until an operator retries or evicts
 * them. Part of the readiness group, so readiness is not a plain {@code UP} then; mapped to HTTP
 * 200, since restarting or taking the instance out of rotation would not help.
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealth implements HealthIndicator {

  /** Some events are parked; see {@code /api/admin/dead-letters}. */
  public static final Status DEGRADED =
      new Status("DEGRADED", "events wait in a dead-letter queue (/api/admin/dead-letters)");

  private final DeadLetters deadLetters;

  DeadLetterHealth(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Health health() {
    Map<String, Long> waiting = deadLetters.waiting();
    long total = waiting.values().stream().mapToLong(Long::longValue).sum();
    return (total > 0 ? Health.status(DEGRADED) : Health.up())
        .withDetail("waiting", total)
        .withDetail("perProcessingGroup", waiting)
        .build();
  }
}
