package org.entente.live.kafka.derived;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.json.EntenteJson;
import org.entente.live.kafka.KafkaPublishException;
import org.entente.live.kafka.KafkaSender;
import org.entente.live.kafka.LiveKafkaProperties;
import org.entente.live.kafka.broker.KafkaTopics;
import org.entente.live.kafka.events.EventRecords;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.TimelineSlots;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes what each stored event changed in the read side, read from the fact store once the live
 * timeline slot has applied the event: every timeline entry row the event made (a new entry
 * version, or an existing entry reaching a group through a new membership or role) to the
 * timeline-entries topic, keyed {@code ownerId/entryId}; and, for each group among those owners,
 * its cohesion on the entry's day, keyed {@code groupId/date}, left in {@link
 * PendingCohesionPoints} in the batch's transaction (with the batch's last event touching that day)
 * for {@link CohesionPointsPublisher}, which sends it once the group's stored cohesion covers it:
 * the batch never waits for a group to be recomputed. Both topics are compacted: the last record of
 * a key is the value as it is now. A batch is published when it prepares to commit, with one wait
 * and one query for all its events. Run by the pooled streaming processor {@value #PROCESSOR} (one
 * segment, global order, token in PostgreSQL) with the same batch-then-flush guarantee as the
 * events topic.
 *
 * <p>A retracted entry is removed: its retracted version (for consumers reading as it happens, with
 * the reason), then a tombstone (null value) under its key, so compaction drops it from the topic.
 * Entries that leave a timeline otherwise are not announced (the fact store keeps rows, it does not
 * delete them); a cohesion point of a day is republished only when an entry of that day changes.
 */
@ProcessingGroup(DerivedUpdatesPublisher.PROCESSOR)
public class DerivedUpdatesPublisher {

  public static final String PROCESSOR = "kafka-derived";

  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration APPLY_WAIT = Duration.ofSeconds(30);
  private static final String EVENTS = DerivedUpdatesPublisher.class.getName() + "/events";

  private final JdbcTemplate jdbc;
  private final TimelineSlots slots;
  private final ProcessorPositions positions;
  private final PendingCohesionPoints cohesionPoints;
  private final KafkaSender sender;
  private final KafkaTopics topics;
  private final LiveKafkaProperties.Topics names;
  private final ObjectMapper json = EntenteJson.newObjectMapper();

  public DerivedUpdatesPublisher(
      JdbcTemplate jdbc,
      TimelineSlots slots,
      ProcessorPositions positions,
      PendingCohesionPoints cohesionPoints,
      KafkaSender sender,
      KafkaTopics topics,
      LiveKafkaProperties.Topics names) {
    this.jdbc = jdbc;
    this.slots = slots;
    this.positions = positions;
    this.cohesionPoints = cohesionPoints;
    this.sender = sender;
    this.topics = topics;
    this.names = names;
  }

  @EventHandler
  public void on(EventMessage<?> message, TrackingToken token) throws InterruptedException {
    long position =
        token
            .position()
            .orElseThrow(() -> new IllegalStateException("token without position: " + token));
    if (!topics.ensureCreated(sender.timeout())) {
      throw new KafkaPublishException("the topics could not be created", null);
    }
    if (!CurrentUnitOfWork.isStarted()) {
      publish(new TreeMap<>(Map.of(position, message)));
      return;
    }
    eventsOfBatch().put(position, message);
  }

  /**
   * The events of the batch being handled, by position, published together when it prepares to
   * commit: one wait for the timeline and one query for the whole batch (per event, they kept the
   * processor far behind during an import). Registered before the sender's own batch, so its
   * prepare-commit step runs before the sender's flush and its records are awaited with the others
   * before the token moves.
   */
  private SortedMap<Long, EventMessage<?>> eventsOfBatch() {
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    SortedMap<Long, EventMessage<?>> events =
        root.getOrComputeResource(
            EVENTS,
            key -> {
              SortedMap<Long, EventMessage<?>> batch = new TreeMap<>();
              root.onPrepareCommit(
                  unitOfWork -> {
                    try {
                      publish(batch);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new KafkaPublishException(
                          "interrupted while waiting for the timeline", e);
                    }
                  });
              return batch;
            });
    sender.join(); // after the step above, not inside the resource's computation
    return events;
  }

  /**
   * Publishes the rows the events made, in position order, and leaves each group day they touched
   * for the cohesion points' publisher, once, with the last event touching it.
   */
  private void publish(SortedMap<Long, EventMessage<?>> events) throws InterruptedException {
    if (events.isEmpty()) {
      return;
    }
    Slot slot = awaitApplied(events.lastKey());
    Long[] positions = events.keySet().toArray(Long[]::new);
    String columns =
        " r.owner_id, r.entry_id, r.version, v.event_time"
            + " from tl_page_row r"
            + " join tl_entry_version v"
            + "   on v.slot = r.slot and v.entry_id = r.entry_id and v.version = r.version";
    // two index lookups (versions recorded at a position, rows a position caused), not an OR
    // across the join, which scans every page row of the slot; the entries' documents and the
    // owners' kinds are read once each below (an entry reaches a dozen owners: with the rows, each
    // document was converted, sorted on disk and parsed a dozen times)
    List<Row> rows =
        jdbc.query(
            "select distinct on (position, owner_id, entry_id) * from ("
                + "select v.recorded_from_position as position,"
                + columns
                + " where v.slot = ? and v.recorded_from_position = any(?)"
                + " union all select r.cause_position as position,"
                + columns
                + " where r.slot = ? and r.cause_position = any(?)"
                + ") x order by position, owner_id, entry_id, version desc",
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant().atOffset(ZoneOffset.UTC).toLocalDate()),
            slot.code(),
            positions,
            slot.code(),
            positions);
    Set<String> groups = groupsAmong(slot, rows);
    Map<String, JsonNode> entries = entries(slot, rows);
    Map<String, PendingCohesionPoints.Point> cohesionDays = new LinkedHashMap<>();
    for (Row row : rows) {
      EventMessage<?> message = events.get(row.position());
      ObjectNode value = json.createObjectNode();
      value.put("ownerId", row.ownerId());
      value.put("entryId", row.entryId());
      value.put("version", row.version());
      value.put("position", row.position());
      JsonNode entry = entries.get(row.entryId() + "@" + row.version());
      value.set("entry", entry);
      String key = row.ownerId() + "/" + row.entryId();
      send(names.getTimelineEntries(), key, value, message, row.position());
      if (entry.path("retracted").asBoolean(false)) {
        send(names.getTimelineEntries(), key, null, message, row.position());
      }
      if (groups.contains(row.ownerId())) {
        // a group's day is published once per batch, however many of its events touch it
        cohesionDays.put(
            row.ownerId() + "/" + row.day(),
            new PendingCohesionPoints.Point(
                row.ownerId(), row.day(), row.position(), message.getIdentifier()));
      }
    }
    cohesionPoints.add(cohesionDays.values());
  }

  /**
   * Waits until the live slot's processor has applied {@code position}; returns that slot. Up to
   * {@link #APPLY_WAIT} (or the send timeout, if longer): the timeline commits batches of up to 500
   * events, which takes seconds on a busy machine, and a failed batch here backs the processor off.
   */
  private Slot awaitApplied(long position) throws InterruptedException {
    Duration wait = sender.timeout().compareTo(APPLY_WAIT) > 0 ? sender.timeout() : APPLY_WAIT;
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Slot live = slots.readLive();
      if (positions.safePosition(live.processorName()) >= position) {
        return live;
      }
      if (System.nanoTime() > deadline) {
        throw new KafkaPublishException(
            "the timeline has not applied position " + position + " yet", null);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private static boolean isGroup(String kind) {
    try {
      return org.entente.api.actor.ActorKind.valueOf(kind).hasMembers();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void send(
      String topic, String key, ObjectNode value, EventMessage<?> cause, long position) {
    // value null: a tombstone
    try {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(topic, key, value == null ? null : json.writeValueAsBytes(value));
      record.headers().add(EventRecords.POSITION, bytes(Long.toString(position)));
      record.headers().add("ce_causationid", bytes(cause.getIdentifier()));
      record.headers().add(EventRecords.CONTENT_TYPE, bytes("application/json"));
      sender.send(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows' owners that are groups (their kind has members). */
  private Set<String> groupsAmong(Slot slot, List<Row> rows) {
    Set<String> groups = new HashSet<>();
    if (rows.isEmpty()) {
      return groups;
    }
    jdbc.query(
        "select actor_id, kind from tl_actor where slot = ? and actor_id = any(?)",
        rs -> {
          if (isGroup(rs.getString(2))) {
            groups.add(rs.getString(1));
          }
        },
        slot.code(),
        rows.stream().map(Row::ownerId).distinct().toArray(String[]::new));
    return groups;
  }

  /** The documents of the rows' entry versions, parsed once each, by {@code entryId@version}. */
  private Map<String, JsonNode> entries(Slot slot, List<Row> rows) {
    Map<String, Row> versions = new LinkedHashMap<>();
    rows.forEach(r -> versions.putIfAbsent(r.entryId() + "@" + r.version(), r));
    Map<String, JsonNode> entries = new HashMap<>();
    if (versions.isEmpty()) {
      return entries;
    }
    jdbc.query(
        "select v.entry_id, v.version, v.doc::text from tl_entry_version v"
            + " join unnest(?::varchar[], ?::integer[]) as w(entry_id, version)"
            + " on v.entry_id = w.entry_id and v.version = w.version where v.slot = ?",
        rs -> {
          entries.put(rs.getString(1) + "@" + rs.getInt(2), read(rs.getString(3)));
        },
        versions.values().stream().map(Row::entryId).toArray(String[]::new),
        versions.values().stream().map(Row::version).toArray(Integer[]::new),
        slot.code());
    return entries;
  }

  private JsonNode read(String doc) {
    try {
      return json.readTree(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable entry document", e);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private record Row(long position, String ownerId, String entryId, int version, LocalDate day) {}
}
