package org.entente.timeline.deadletter;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code OUT_OF_SERVICE} while a running event processor has a segment in error: a batch it cannot
 * commit (the database refuses, the dead-letter queue cannot take the event) keeps failing and its
 * view stops moving. Part of the readiness group, so readiness does not say {@code UP} over a stuck
 * projection. Stopped processors (the idle slot of a blue/green view) are not errors.
 */
@Component("eventProcessorsHealthIndicator")
public class EventProcessorHealth implements HealthIndicator {

  private final EventProcessingConfiguration processing;

  EventProcessorHealth(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  @Override
  public Health health() {
    Map<String, Object> failing = new TreeMap<>();
    Map<String, Object> running = new TreeMap<>();
    processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .forEach(
            processor -> {
              running.put(processor.getName(), processor.isRunning());
              processor.processingStatus().values().stream()
                  .filter(EventTrackerStatus::isErrorState)
                  .findFirst()
                  .ifPresent(
                      status ->
                          failing.put(
                              processor.getName(),
                              status.getError() == null
                                  ? "in error"
                                  : status.getError().getClass().getName()
                                      + ": "
                                      + status.getError().getMessage()));
            });
    return (failing.isEmpty() ? Health.up() : Health.outOfService())
        .withDetail("running", running)
        .withDetail("failing", failing)
        .build();
  }
}
