package org.entente.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.live.kafka.support.TopicReader.header;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.statement.Stance;
import org.entente.json.EntenteJson;
import org.entente.live.kafka.broker.EmbeddedKafkaBroker;
import org.entente.live.kafka.events.EventRecords;
import org.entente.live.kafka.schema.EventSchemas;
import org.entente.live.kafka.schema.SchemaCheck;
import org.entente.live.kafka.support.KafkaBootTest;
import org.entente.live.kafka.support.TopicReader;
import org.entente.timeline.support.Facts;
import org.entente.timeline.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;

/** Stored events on the events topic of a real broker: form, order, and a broker outage. */
@KafkaBootTest
class EventsTopicIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ObjectMapper json = EntenteJson.newObjectMapper();

  @Autowired EventStore eventStore;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired KafkaCluster cluster;
  @Autowired KafkaHealth health;
  @Autowired LiveKafkaProperties properties;

  @Test
  void recordedStatement_isOnTheTopic_keyedByAggregate_withCloudEventsHeaders() throws Exception {
    TestEvents events = new TestEvents(eventStore);
    Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    events.append("Actor", "e2e-speaker", Facts.actor("e2e-speaker", ActorKind.PERSON, "Speaker"));
    var said =
        Facts.statement(
            "e2e-statement",
            "e2e-speaker",
            List.of(),
            Facts.day("2025-02-13"),
            Stance.SUPPORT,
            "Wij staan samen.");
    events.append("Statement", "e2e-statement", said, recordedAt);
    var corrected = Facts.correctText("e2e-statement", "Wij staan echt samen.", "typo");
    events.append("Statement", "e2e-statement", corrected, recordedAt.plusSeconds(1));
    List<DomainEventMessage<?>> stored = stored("e2e-statement");

    List<ConsumerRecord<String, byte[]>> read = distinct(readUntil(ids(stored)));
    var schemas = new EventSchemas().all();
    for (ConsumerRecord<String, byte[]> record : read) {
      assertThat(
              SchemaCheck.errors(
                  schemas.get(header(record, EventRecords.TYPE)), json.readTree(record.value())))
          .as("%s against its schema", header(record, EventRecords.TYPE))
          .isEmpty();
    }
    List<ConsumerRecord<String, byte[]>> statementRecords =
        read.stream().filter(r -> "e2e-statement".equals(r.key())).toList();

    assertThat(statementRecords).hasSize(2);
    for (int i = 0; i < 2; i++) {
      ConsumerRecord<String, byte[]> record = statementRecords.get(i);
      DomainEventMessage<?> event = stored.get(i);
      assertThat(header(record, EventRecords.ID)).isEqualTo(event.getIdentifier());
      assertThat(header(record, EventRecords.TYPE)).isEqualTo(event.getPayloadType().getName());
      assertThat(header(record, EventRecords.SPECVERSION)).isEqualTo("1.0");
      assertThat(header(record, EventRecords.SOURCE)).isEqualTo(properties.getSource());
      assertThat(header(record, EventRecords.SUBJECT)).isEqualTo("e2e-statement");
      assertThat(header(record, EventRecords.SCHEMA_REVISION)).isEqualTo("0");
      assertThat(header(record, EventRecords.SEQUENCE)).isEqualTo(String.valueOf(i));
      assertThat(header(record, EventRecords.CORRELATION_ID))
          .isEqualTo(event.getMetaData().get("correlationId"));
      assertThat(header(record, EventRecords.TIME)).isEqualTo(recordedAt.plusSeconds(i).toString());
      assertThat(json.readTree(record.value()))
          .isEqualTo(json.readTree(json.writeValueAsBytes(event.getPayload())));
    }
    long first = Long.parseLong(header(statementRecords.get(0), EventRecords.POSITION));
    long second = Long.parseLong(header(statementRecords.get(1), EventRecords.POSITION));
    assertThat(second).isGreaterThan(first);
    assertThat(statementRecords.get(0).partition()).isEqualTo(statementRecords.get(1).partition());
  }

  @Test
  void brokerOutage_delaysPublication_losesNothing_keepsEachAggregatesOrder() throws Exception {
    TestEvents events = new TestEvents(eventStore);
    List<String> aggregates = List.of("outage-a", "outage-b", "outage-c");
    broker.stop();
    try {
      for (String id : aggregates) {
        events.append("Actor", id, Facts.actor(id, ActorKind.PERSON, id));
      }
      for (int round = 0; round < 8; round++) {
        for (String id : aggregates) {
          events.append(
              "Actor",
              id,
              Facts.role(id, "Minister " + round, "outage-state", "2025-01-0" + (round + 1), null));
        }
      }
      // the service stays up; Kafka's health says what is wrong
      assertThat(health.health().getStatus()).isEqualTo(KafkaHealth.DEGRADED);
      assertThat(health.health().getStatus()).isNotEqualTo(Status.DOWN);
      assertThat(health.lag()).isPositive();
    } finally {
      broker.start();
    }
    Set<String> expected = new java.util.TreeSet<>();
    for (String id : aggregates) {
      expected.addAll(ids(stored(id)));
    }
    assertThat(expected).hasSize(27);

    List<ConsumerRecord<String, byte[]>> read = distinct(readUntil(expected));

    for (String id : aggregates) {
      List<Long> sequences =
          read.stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> Long.parseLong(header(r, EventRecords.SEQUENCE)))
              .toList();
      assertThat(sequences)
          .as("first deliveries of %s, in topic order", id)
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
    awaitLagZero();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  private void awaitLagZero() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (health.lag() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(health.lag()).isZero();
  }

  private List<DomainEventMessage<?>> stored(String aggregateId) {
    List<DomainEventMessage<?>> all = new ArrayList<>();
    eventStore.readEvents(aggregateId).forEachRemaining(all::add);
    return all;
  }

  private static List<String> ids(List<DomainEventMessage<?>> events) {
    return events.stream().map(DomainEventMessage::getIdentifier).toList();
  }

  private List<ConsumerRecord<String, byte[]>> readUntil(java.util.Collection<String> ids) {
    List<ConsumerRecord<String, byte[]>> read =
        TopicReader.read(
            cluster.bootstrapServers(),
            properties.getTopics().getEvents(),
            records ->
                records.stream()
                    .map(r -> header(r, EventRecords.ID))
                    .collect(Collectors.toSet())
                    .containsAll(ids),
            WAIT);
    assertThat(read.stream().map(r -> header(r, EventRecords.ID)).collect(Collectors.toSet()))
        .containsAll(ids);
    return read;
  }

  /**
   * What a consumer keeps when it drops duplicates by event id: each event's first delivery, in the
   * order read (per partition: topic order).
   */
  private static List<ConsumerRecord<String, byte[]>> distinct(
      List<ConsumerRecord<String, byte[]>> read) {
    Map<String, ConsumerRecord<String, byte[]>> first = new LinkedHashMap<>();
    read.forEach(r -> first.putIfAbsent(header(r, EventRecords.ID), r));
    return List.copyOf(first.values());
  }
}
