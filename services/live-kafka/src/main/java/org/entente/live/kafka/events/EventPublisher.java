package org.entente.live.kafka.events;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.entente.live.kafka.KafkaPublishException;
import org.entente.live.kafka.KafkaSender;
import org.entente.live.kafka.broker.KafkaTopics;

/**
 * Publishes every stored event, in global order, to the events topic. Run by the pooled streaming
 * processor {@value #PROCESSOR} (one segment, token in PostgreSQL): a batch's records are
 * acknowledged by Kafka before its token is stored.
 */
@ProcessingGroup(EventPublisher.PROCESSOR)
public class EventPublisher {

  public static final String PROCESSOR = "kafka-events";

  private final EventRecords records;
  private final KafkaSender sender;
  private final KafkaTopics topics;

  public EventPublisher(EventRecords records, KafkaSender sender, KafkaTopics topics) {
    this.records = records;
    this.sender = sender;
    this.topics = topics;
  }

  @EventHandler
  public void on(EventMessage<?> message, TrackingToken token) {
    long position =
        token
            .position()
            .orElseThrow(() -> new IllegalStateException("token without position: " + token));
    if (!topics.ensureCreated(sender.timeout())) {
      throw new KafkaPublishException("the topics could not be created", null);
    }
    sender.send(records.of(message, position));
  }
}
