package org.entente.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.cite;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.membership;
import static org.entente.timeline.support.Facts.role;
import static org.entente.timeline.support.Facts.source;
import static org.entente.timeline.support.Facts.statement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.MetadataKeys;
import org.entente.api.statement.Stance;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement (it asserts only that the rebuild finished and equals the live slot): how fast the
 * live slot catches up with a history appended straight to the event store, and how fast a full
 * rebuild replays it. The history has the bench's shape in small: alliances, states in them (with
 * periods), persons holding roles at states, sources, statements citing them and corrections.
 *
 * <pre>
 * ./mvnw -B -o -pl services/timeline -am verify -Dentente.measure=true -Dentente.measure.events=20000 \
 *   -Dtest=RebuildThroughputIT -Dsurefire.failIfNoSpecifiedTests=false | grep REBUILD-THROUGHPUT
 * </pre>
 */
@TimelineBootTest
@EnabledIfSystemProperty(named = "entente.measure", matches = "true")
class RebuildThroughputIT {

  @Autowired EventStore eventStore;
  @Autowired TimelineRebuilder rebuilder;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired JdbcTemplate jdbc;

  private final Map<String, Long> sequences = new HashMap<>();
  private final List<EventMessage<?>> pending = new ArrayList<>();

  @Test
  void catchUpAndRebuild() throws Exception {
    int events = Integer.getInteger("entente.measure.events", 20_000);
    Random random = new Random(7);
    int appended = history(events, random);
    long head = positions.head();
    Instant appendedAt = Instant.now();
    awaitLive(head, Duration.ofMinutes(30));
    double catchUp = Duration.between(appendedAt, Instant.now()).toMillis() / 1000.0;
    long rows = pageRows(slots.live().code());

    Instant started = Instant.now();
    rebuilder.start();
    while (slots.refresh().building() != null) {
      Projections.sleep(50);
      assertThat(Instant.now()).isBefore(started.plus(Duration.ofMinutes(30)));
    }
    double rebuild = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    assertThat(pageRows(slots.live().code())).isEqualTo(rows);
    System.out.printf(
        "REBUILD-THROUGHPUT events=%d pageRows=%d catchUp=%.1fs (%.0f ev/s)"
            + " rebuild=%.1fs (%.0f ev/s)%n",
        appended, rows, catchUp, appended / catchUp, rebuild, appended / rebuild);
  }

  private long pageRows(String slot) {
    return jdbc.queryForObject("select count(*) from tl_page_row where slot = ?", Long.class, slot);
  }

  private void awaitLive(long head, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (positions.safePosition(slots.live().processorName()) < head) {
      assertThat(Instant.now()).isBefore(deadline);
      Projections.sleep(50);
    }
  }

  /** Appends about {@code events} events; returns how many. */
  private int history(int events, Random random) {
    int alliances = 8;
    int states = Math.max(20, events / 200);
    int persons = Math.max(40, events / 40);
    int sources = Math.max(20, events / 100);
    for (int a = 0; a < alliances; a++) {
      add("Actor", "alliance-" + a, actor("alliance-" + a, ActorKind.ALLIANCE, "Alliance " + a));
    }
    for (int s = 0; s < states; s++) {
      String id = "state-" + s;
      add("Actor", id, actor(id, ActorKind.STATE, "State " + s));
      for (int m = 0; m < 1 + random.nextInt(3); m++) {
        LocalDate from = LocalDate.of(2015 + random.nextInt(8), 1 + random.nextInt(12), 1);
        String to = random.nextInt(4) == 0 ? from.plusYears(2).toString() : null;
        add(
            "Actor",
            id,
            membership(id, "alliance-" + random.nextInt(alliances), from.toString(), to));
      }
    }
    for (int p = 0; p < persons; p++) {
      String id = "person-" + p;
      add("Actor", id, actor(id, ActorKind.PERSON, "Person " + p));
      LocalDate from = LocalDate.of(2016 + random.nextInt(8), 1 + random.nextInt(12), 1);
      add(
          "Actor",
          id,
          role(id, "Minister", "state-" + random.nextInt(states), from.toString(), null));
    }
    for (int s = 0; s < sources; s++) {
      add("Source", "source-" + s, source("source-" + s, "Source " + s));
    }
    int n = 0;
    while (count() < events) {
      String id = "st-" + n++;
      String speaker =
          random.nextBoolean()
              ? "person-" + random.nextInt(persons)
              : "state-" + random.nextInt(states);
      List<String> targets = List.of("state-" + random.nextInt(states));
      LocalDate said =
          LocalDate.of(2018 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28));
      add(
          "Statement",
          id,
          statement(
              id,
              speaker,
              targets,
              day(said.toString()),
              Stance.values()[random.nextInt(Stance.values().length)],
              "statement " + id + " about the alliance and its members",
              List.of("topic-" + random.nextInt(10)),
              List.of(cite("source-" + random.nextInt(sources), AttributionGrade.DIRECT_QUOTE))));
      if (random.nextInt(10) == 0) {
        add("Statement", id, correctText(id, "corrected " + id, "typo"));
      }
    }
    flush();
    return appended;
  }

  private int appended;

  private int count() {
    return appended + pending.size();
  }

  private void add(String type, String aggregateId, Object payload) {
    long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
    String commandId = UUID.randomUUID().toString();
    Instant at = Instant.now();
    pending.add(
        new GenericDomainEventMessage<>(
            type,
            aggregateId,
            sequence,
            payload,
            Map.of(
                MetadataKeys.RECORDED_BY, "measure",
                MetadataKeys.RECORDED_AT, at.toString(),
                MetadataKeys.COMMAND_ID, commandId,
                MetadataKeys.CORRELATION_ID, commandId,
                MetadataKeys.CAUSATION_ID, commandId),
            UUID.randomUUID().toString(),
            at));
    if (pending.size() == 1000) {
      flush();
    }
  }

  private void flush() {
    if (!pending.isEmpty()) {
      eventStore.publish(List.copyOf(pending));
      appended += pending.size();
      pending.clear();
    }
  }
}
