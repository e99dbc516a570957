package org.entente.live.kafka.support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.common.MetadataKeys;

/**
 * Appends published-language events straight to the event store, as the recorder would store them
 * (with the metadata every event carries), at a chosen record time.
 */
public class TestEvents {

  private final EventStore eventStore;

  public TestEvents(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  /** Appends {@code payload} to the aggregate's stream, recorded now. */
  public void append(String aggregateType, String aggregateId, Object payload) {
    append(aggregateType, aggregateId, payload, Instant.now());
  }

  /** Appends {@code payload} to the aggregate's stream with the given record time. */
  public synchronized void append(
      String aggregateType, String aggregateId, Object payload, Instant recordedAt) {
    long sequence = eventStore.lastSequenceNumberFor(aggregateId).map(s -> s + 1).orElse(0L);
    String commandId = UUID.randomUUID().toString();
    Map<String, Object> metadata =
        Map.of(
            MetadataKeys.RECORDED_BY, "test",
            MetadataKeys.RECORDED_AT, recordedAt.toString(),
            MetadataKeys.COMMAND_ID, commandId,
            MetadataKeys.CORRELATION_ID, commandId,
            MetadataKeys.CAUSATION_ID, commandId);
    eventStore.publish(
        new GenericDomainEventMessage<>(
            aggregateType,
            aggregateId,
            sequence,
            payload,
            metadata,
            UUID.randomUUID().toString(),
            recordedAt));
  }
}
