package org.entente.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.live.kafka.support.TopicReader.header;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.api.actor.ActorKind;
import org.entente.live.kafka.events.EventRecords;
import org.entente.live.kafka.support.KafkaBootTest;
import org.entente.timeline.support.Facts;
import org.entente.timeline.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events publisher is woken by the commit, not by Axon's polls: an event appended the way the
 * recorder's group commit appends it (a unit of work committed inside a database transaction that
 * commits after it) is on the topic well within Axon's poll delays (0.5 s for the processor, 1 s
 * for the event store's reader, which the unit of work wakes before the transaction commits).
 */
@KafkaBootTest
class EventsPromptIT {

  @Autowired EventStore eventStore;
  @Autowired KafkaCluster cluster;
  @Autowired LiveKafkaProperties properties;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void eventCommittedInAnOuterTransaction_isOnTheTopicWithinAFewPollsWorth() throws Exception {
    TestEvents events = new TestEvents(eventStore);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    AtomicBoolean reading = new AtomicBoolean(true);
    Thread reader = reader(receivedAt, reading);
    try {
      // a first event: the publisher is running and caught up, the reader positioned
      String warmUp = "prompt-warm-up";
      append(transaction, events, warmUp, 0);
      String warmUpId = eventIds(warmUp).get(0);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!receivedAt.containsKey(warmUpId) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(receivedAt).containsKey(warmUpId);

      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String id = "prompt-" + i;
        long committedAt = append(transaction, events, id, i);
        String eventId = eventIds(id).get(0);
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!receivedAt.containsKey(eventId) && System.nanoTime() < until) {
          Thread.sleep(2);
        }
        assertThat(receivedAt).containsKey(eventId);
        latencies.add((receivedAt.get(eventId) - committedAt) / 1_000_000);
        Thread.sleep(120); // apart, so that each waits on its own
      }
      List<Long> sorted = latencies.stream().sorted().toList();
      long median = sorted.get(sorted.size() / 2);
      System.out.println("EventsPromptIT commit → consumer latencies (ms): " + latencies);
      assertThat(median)
          .as("median commit → consumer latency (ms) of %s", latencies)
          .isLessThan(250);
    } finally {
      reading.set(false);
      reader.join(5000);
    }
  }

  /** Appends in a unit of work committed inside a transaction; returns when that committed. */
  private static long append(TransactionTemplate transaction, TestEvents events, String id, int n) {
    transaction.executeWithoutResult(
        status -> {
          UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
          events.append("Actor", id, Facts.actor(id, ActorKind.PERSON, "Prompt " + n));
          unitOfWork.commit();
        });
    return System.nanoTime();
  }

  private List<String> eventIds(String aggregateId) {
    List<String> ids = new ArrayList<>();
    eventStore
        .readEvents(aggregateId)
        .forEachRemaining((DomainEventMessage<?> e) -> ids.add(e.getIdentifier()));
    return ids;
  }

  /** A consumer of every partition of the events topic from its end, noting when each id came. */
  private Thread reader(Map<String, Long> receivedAt, AtomicBoolean reading) throws Exception {
    String topic = properties.getTopics().getEvents();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "prompt-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    AtomicBoolean positioned = new AtomicBoolean();
    Thread thread =
        new Thread(
            () -> {
              try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                positioned.set(true);
                while (reading.get()) {
                  consumer
                      .poll(Duration.ofMillis(20))
                      .forEach(
                          r ->
                              receivedAt.putIfAbsent(
                                  header(r, EventRecords.ID), System.nanoTime()));
                }
              }
            },
            "prompt-reader");
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!positioned.get() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(positioned).isTrue();
    return thread;
  }
}
