package org.entente.timeline.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code OUT_OF_SERVICE} while a running event processor is stuck: a segment reports an error, or
 * the processor is behind the head of the event store and has not moved for {@code
 * entente.health.processor-stuck-after} (default 30 s). That is what a batch looks like that fails
 * again and again (the database refuses, the dead-letter queue cannot take the event): the pooled
 * processor releases the failed segment and retries, so an error state is only briefly visible, but
 * the position stands still. The details name the processor and its segment. Part of the readiness
 * group, so readiness does not say {@code UP} over a stuck projection. Stopped processors (the idle
 * slot of a blue/green view) are not judged. Progress is sampled when health is asked for;
 * positions are those of the segments this node has claimed (one node). Processors named in {@code
 * entente.health.processors-judged-elsewhere} are left to their own health indicator (the Kafka
 * publishers: a broker outage must not make the service unready, it keeps recording).
 */
@Component("eventProcessorsHealthIndicator")
public class EventProcessorHealth implements HealthIndicator {

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final Duration stuckAfter;
  private final Set<String> judgedElsewhere;
  private final Clock clock;
  private final Map<String, Progress> progress = new ConcurrentHashMap<>();

  EventProcessorHealth(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      @Value("${entente.health.processor-stuck-after:30s}") Duration stuckAfter,
      @Value("${entente.health.processors-judged-elsewhere:}") Set<String> judgedElsewhere) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.stuckAfter = stuckAfter;
    this.judgedElsewhere = Set.copyOf(judgedElsewhere);
    this.clock = Clock.systemUTC();
  }

  @Override
  public Health health() {
    long head = position(eventStore.createHeadToken());
    Instant now = clock.instant();
    Map<String, Object> failing = new TreeMap<>();
    Map<String, Object> positions = new TreeMap<>();
    processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .filter(StreamingEventProcessor::isRunning)
        .filter(processor -> !judgedElsewhere.contains(processor.getName()))
        .forEach(
            processor -> {
              String name = processor.getName();
              Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
              Map.Entry<Integer, Long> slowest =
                  segments.entrySet().stream()
                      .map(e -> Map.entry(e.getKey(), e.getValue().getCurrentPosition().orElse(-1)))
                      .min(Map.Entry.comparingByValue())
                      .orElse(Map.entry(-1, -1L));
              long position = slowest.getValue();
              positions.put(name, position);
              segments.entrySet().stream()
                  .filter(e -> e.getValue().isErrorState())
                  .findFirst()
                  .ifPresent(
                      e ->
                          failing.put(
                              name,
                              "segment "
                                  + e.getKey()
                                  + " in error: "
                                  + describe(e.getValue().getError())));
              Progress last =
                  progress.compute(
                      name,
                      (key, before) ->
                          before == null || position > before.position() || position >= head
                              ? new Progress(position, now)
                              : before);
              if (position < head
                  && Duration.between(last.since(), now).compareTo(stuckAfter) > 0) {
                failing.putIfAbsent(
                    name,
                    (slowest.getKey() < 0 ? "no segment claimed" : "segment " + slowest.getKey())
                        + ": no progress for "
                        + Duration.between(last.since(), now).toSeconds()
                        + " s at position "
                        + position
                        + " of "
                        + head);
              }
            });
    return (failing.isEmpty() ? Health.up() : Health.outOfService())
        .withDetail("head", head)
        .withDetail("positions", positions)
        .withDetail("failing", failing)
        .build();
  }

  private static String describe(Throwable error) {
    return error == null ? "in error" : error.getClass().getName() + ": " + error.getMessage();
  }

  private static long position(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    OptionalLong position = token.position();
    return position.orElse(-1);
  }

  /** The furthest position a processor has reached, and since when. */
  private record Progress(long position, Instant since) {}
}
