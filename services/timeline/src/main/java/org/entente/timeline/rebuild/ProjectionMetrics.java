package org.entente.timeline.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.TimelineSlots;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Micrometer gauges for every streaming processor (the timeline's and any other projection's):
 *
 * <ul>
 *   <li>{@code entente.projection.position{processor}}: global position every segment has handled
 *   <li>{@code entente.projection.lag{processor}}: events between that position and the head (0 for
 *       the idle timeline slot, which has nothing to do)
 *   <li>{@code entente.projection.status{processor}}: 1 running, 0 stopped, -1 in error
 *   <li>{@code entente.projection.head}: global position of the newest stored event
 *   <li>{@code entente.projection.live{processor}}: 1 for the timeline slot answering queries
 * </ul>
 *
 * Positions are read from the token store, at most once a second per processor.
 */
@Component
public class ProjectionMetrics {

  private static final long CACHE_MILLIS = 1000;

  private final MeterRegistry registry;
  private final EventProcessingConfiguration processing;
  private final ProcessorPositions positions;
  private final TimelineSlots slots;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public ProjectionMetrics(
      MeterRegistry registry,
      EventProcessingConfiguration processing,
      ProcessorPositions positions,
      TimelineSlots slots) {
    this.registry = registry;
    this.processing = processing;
    this.positions = positions;
    this.slots = slots;
  }

  /** Registered once Axon has built its processors. */
  @EventListener(ApplicationReadyEvent.class)
  public void register() {
    Gauge.builder("entente.projection.head", () -> cached("@head", positions::head))
        .description("Global position of the newest stored event")
        .register(registry);
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming) {
                register(name, streaming);
              }
            });
  }

  private void register(String name, StreamingEventProcessor processor) {
    Gauge.builder("entente.projection.position", () -> position(name))
        .description("Global position every segment of the processor has handled")
        .tag("processor", name)
        .register(registry);
    Gauge.builder("entente.projection.lag", () -> lag(name))
        .description("Events stored but not yet handled by the processor")
        .tag("processor", name)
        .register(registry);
    Gauge.builder(
            "entente.projection.status",
            () -> processor.isError() ? -1 : processor.isRunning() ? 1 : 0)
        .description("1 running, 0 stopped, -1 in error")
        .tag("processor", name)
        .register(registry);
    for (Slot slot : Slot.values()) {
      if (slot.processorName().equals(name)) {
        Gauge.builder("entente.projection.live", () -> slots.live() == slot ? 1 : 0)
            .description("1 for the timeline slot that answers queries")
            .tag("processor", name)
            .register(registry);
      }
    }
  }

  /**
   * Stored events the processor still has to handle. The idle timeline slot has none: it is stopped
   * on purpose and starts from the first event when rebuilt, so its distance to the head is no lag
   * (and would otherwise grow forever and trip any alert on the summed gauge).
   */
  private long lag(String processor) {
    for (Slot slot : Slot.values()) {
      if (slot.processorName().equals(processor) && !slots.isActive(slot)) {
        return 0;
      }
    }
    return Math.max(0, cached("@head", positions::head) - position(processor));
  }

  private long position(String processor) {
    return cached(processor, () -> positions.safePosition(processor));
  }

  private long cached(String key, LongSupplier read) {
    long now = System.currentTimeMillis();
    Cached value =
        cache.compute(
            key,
            (k, old) ->
                old != null && now - old.at() < CACHE_MILLIS
                    ? old
                    : new Cached(read.getAsLong(), now));
    return value.value();
  }

  private record Cached(long value, long at) {}
}
