package org.entente.live.kafka.derived;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.json.EntenteJson;
import org.entente.live.kafka.KafkaSender;
import org.entente.live.kafka.broker.KafkaTopics;
import org.entente.live.kafka.derived.PendingCohesionPoints.Point;
import org.entente.live.kafka.events.EventRecords;
import org.entente.timeline.cohesion.CohesionOfDay;
import org.entente.timeline.timeline.TimelineSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the cohesion points the derived-updates publisher left in {@link PendingCohesionPoints},
 * each once its group's stored cohesion covers the event that touched its day, read from the stored
 * rows ({@link CohesionOfDay#lastStored}, never from the group's facts), and removes them after
 * Kafka acknowledged them: at least once, like the processors' topics. Every {@code
 * entente.kafka.publisher.cohesion-points-interval} (250 ms) on one background thread; on several
 * nodes one publishes at a time (a transaction-level advisory lock), so a newer value of a key is
 * never overtaken by an older one from another node. Points wait here, not in the processor's
 * batch: a batch that waited for the cohesion refresh of its groups held the derived topics back
 * for minutes while an import was catching up.
 */
public class CohesionPointsPublisher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CohesionPointsPublisher.class);

  /** Points sent per round trip to Kafka (and per transaction). */
  static final int BATCH = 500;

  /** The advisory lock whose holder publishes: any constant shared by the nodes. */
  static final long LOCK = 0x6b636f68L; // "kcoh"

  private final JdbcTemplate jdbc;
  private final PendingCohesionPoints pending;
  private final TimelineSlots slots;
  private final CohesionOfDay cohesion;
  private final KafkaSender sender;
  private final KafkaTopics topics;
  private final String topic;
  private final Duration interval;
  private final TransactionTemplate transaction;
  private final TransactionTemplate outside;
  private final ObjectMapper json = EntenteJson.newObjectMapper();
  private volatile ThreadPoolTaskScheduler scheduler;

  public CohesionPointsPublisher(
      JdbcTemplate jdbc,
      PendingCohesionPoints pending,
      TimelineSlots slots,
      CohesionOfDay cohesion,
      KafkaSender sender,
      KafkaTopics topics,
      String topic,
      Duration interval,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.pending = pending;
    this.slots = slots;
    this.cohesion = cohesion;
    this.sender = sender;
    this.topics = topics;
    this.topic = topic;
    this.interval = interval;
    this.transaction = new TransactionTemplate(transactions);
    // the cohesion is read in a snapshot of its own, not inside the round's transaction
    this.outside = new TransactionTemplate(transactions);
    this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /**
   * Sends every point that is ready now, a batch per transaction; returns how many it sent (0 when
   * another node holds the lock, or Kafka failed: the points stay and are tried again).
   */
  public int publishReady() {
    int total = 0;
    while (true) {
      Integer sent = transaction.execute(status -> publishBatch());
      total += sent == null ? 0 : sent;
      if (sent == null || sent < BATCH) {
        return total;
      }
    }
  }

  private int publishBatch() {
    Boolean mine = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
    if (!Boolean.TRUE.equals(mine)) {
      return 0;
    }
    List<Point> ready = pending.ready(slots.readLive(), BATCH);
    if (ready.isEmpty() || !topics.ensureCreated(sender.timeout())) {
      return 0;
    }
    Map<String, Map<LocalDate, Point>> byGroup = new LinkedHashMap<>();
    ready.forEach(
        p -> byGroup.computeIfAbsent(p.groupId(), g -> new LinkedHashMap<>()).put(p.day(), p));
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    byGroup.forEach(
        (groupId, days) ->
            outside
                .execute(status -> cohesion.lastStored(groupId, days.keySet()))
                .forEach((day, series) -> records.add(record(days.get(day), series))));
    sender.sendAll(records);
    pending.remove(ready); // a point of a group that is no longer one is dropped unsent
    return ready.size();
  }

  private ProducerRecord<String, byte[]> record(Point point, Object series) {
    ObjectNode value = json.createObjectNode();
    value.put("groupId", point.groupId());
    value.put("date", point.day().toString());
    value.put("position", point.position());
    value.set("cohesion", json.valueToTree(series));
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(
              topic, point.groupId() + "/" + point.day(), json.writeValueAsBytes(value));
      record.headers().add(EventRecords.POSITION, bytes(Long.toString(point.position())));
      record.headers().add("ce_causationid", bytes(point.causeEventId()));
      record.headers().add(EventRecords.CONTENT_TYPE, bytes("application/json"));
      return record;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private void round() {
    try {
      publishReady();
    } catch (RuntimeException e) {
      // the points stay; the sender's state makes health say DEGRADED
      log.warn("Sending cohesion points failed, retrying: {}", e.toString());
    }
  }

  @Override
  public void start() {
    ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
    started.setThreadNamePrefix("kafka-cohesion-points-");
    started.setDaemon(true);
    started.setAwaitTerminationSeconds(10);
    started.initialize();
    started.scheduleWithFixedDelay(this::round, Instant.now().plus(interval), interval);
    scheduler = started;
  }

  @Override
  public void stop() {
    ThreadPoolTaskScheduler running = scheduler;
    scheduler = null;
    if (running != null) {
      running.shutdown(); // interrupts a round and waits for it (at most 10 s)
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
