package org.entente.timeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.Stance;
import org.entente.timeline.live.SseClient.Message;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The live streams (issue 9, SSE) on one node, read by a real HTTP client as they arrive. */
@TimelineBootTest
@TestPropertySource(
    properties = {
      "entente.live.buffer-size=256",
      "entente.live.batch-size=32",
      "entente.live.heartbeat=1s"
    })
class LiveStreamsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CommandGateway commands;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired MeterRegistry meters;
  @Autowired DataSource dataSource;

  @Test
  void aRecordedStatement_appearsOnEveryStreamItConcerns_inOrder_withItsPosition() {
    String run = run();
    String a = "live-a-" + run;
    String b = "live-b-" + run;
    String group = "live-g-" + run;
    commands.sendAndWait(new RegisterActor(a, ActorKind.STATE, "A " + run, null, null));
    commands.sendAndWait(new RegisterActor(b, ActorKind.STATE, "B " + run, null, null));
    commands.sendAndWait(new RegisterActor(group, ActorKind.ALLIANCE, "G " + run, null, null));
    commands.sendAndWait(new RecordMembership(a, group, LocalDate.parse("2000-01-01"), null));
    commands.sendAndWait(new RecordMembership(b, group, LocalDate.parse("2000-01-01"), null));
    new Projections(positions, slots).awaitCaughtUp();

    try (SseClient events = SseClient.open(port, "/api/live/events?actor=" + a, null);
        SseClient actor = SseClient.open(port, "/api/live/actors/" + a + "/timeline", null);
        SseClient groupTimeline =
            SseClient.open(port, "/api/live/groups/" + group + "/timeline", null);
        SseClient cohesion =
            SseClient.open(port, "/api/live/groups/" + group + "/cohesion", null)) {
      assertThat(List.of(events.status, actor.status, groupTimeline.status, cohesion.status))
          .containsOnly(200);

      String first = "live-s1-" + run;
      String second = "live-s2-" + run;
      commands.sendAndWait(say(first, a, b, "2025-03-01"));
      commands.sendAndWait(say(second, a, b, "2025-03-02"));

      List<Message> stored =
          events.until(m -> data(m).path("aggregateId").asText().equals(second), WAIT);
      assertThat(stored)
          .extracting(m -> data(m).path("aggregateId").asText())
          .containsExactly(first, second);
      for (Message m : stored) {
        long position =
            jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                data(m).path("aggregateId").asText());
        assertThat(m.id()).isEqualTo(Long.toString(position));
        assertThat(data(m).path("position").asLong()).isEqualTo(position);
      }

      for (SseClient timeline : List.of(actor, groupTimeline)) {
        List<Message> entries =
            timeline.until(m -> data(m).path("entryId").asText().equals(second), WAIT);
        assertThat(entries)
            .extracting(m -> data(m).path("entryId").asText())
            .containsExactly(first, second);
        assertThat(data(entries.get(0)).at("/statement/speakerId").asText()).isEqualTo(a);
        assertThat(data(entries.get(0)).at("/participants/0/name").asText()).isEqualTo("A " + run);
        assertThat(Long.parseLong(entries.get(0).id()))
            .isNotEqualTo(Long.parseLong(entries.get(1).id()));
      }

      Set<String> days = new HashSet<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (days.size() < 2 && System.nanoTime() < deadline) {
        Message point = cohesion.next(Duration.ofMillis(500));
        if (point != null) {
          assertThat(data(point).path("groupId").asText()).isEqualTo(group);
          data(point).path("points").forEach(p -> days.add(p.path("time").asText()));
        }
      }
      assertThat(days).containsExactlyInAnyOrder("2025-03-01", "2025-03-02");
      assertThat(cohesion.heartbeats()).isPositive();
    }
  }

  @Test
  void aClientResumingWithLastEventId_getsExactlyWhatItMissed_thenLiveMessages() {
    String run = run();
    String speaker = "live-r-" + run;
    TestEvents store = new TestEvents(eventStore);
    commands.sendAndWait(new RegisterActor(speaker, ActorKind.STATE, "R " + run, null, null));
    new Projections(positions, slots).awaitCaughtUp();
    String events = "/api/live/events?type=StatementRecorded&actor=" + speaker;
    String timeline = "/api/live/actors/" + speaker + "/timeline";

    String eventId;
    String entryId;
    try (SseClient first = SseClient.open(port, events, null);
        SseClient firstTimeline = SseClient.open(port, timeline, null)) {
      store.append("Statement", speaker + "-0", said(speaker + "-0", speaker));
      eventId = first.until(m -> true, WAIT).get(0).id();
      entryId = firstTimeline.until(m -> true, WAIT).get(0).id();
    }
    for (int n = 1; n <= 3; n++) {
      store.append("Statement", speaker + "-" + n, said(speaker + "-" + n, speaker));
    }

    try (SseClient again = SseClient.open(port, events, eventId);
        SseClient againTimeline =
            SseClient.open(port, timeline + "?lastEventId=" + entryId, null)) {
      assertThat(ids(again.until(m -> aggregate(m).endsWith("-3"), WAIT), "aggregateId"))
          .containsExactly(speaker + "-1", speaker + "-2", speaker + "-3");
      assertThat(ids(againTimeline.until(m -> entry(m).endsWith("-3"), WAIT), "entryId"))
          .containsExactly(speaker + "-1", speaker + "-2", speaker + "-3");

      store.append("Statement", speaker + "-4", said(speaker + "-4", speaker));
      assertThat(ids(again.until(m -> aggregate(m).endsWith("-4"), WAIT), "aggregateId"))
          .containsExactly(speaker + "-4");
      assertThat(ids(againTimeline.until(m -> entry(m).endsWith("-4"), WAIT), "entryId"))
          .containsExactly(speaker + "-4");
      // nothing twice
      assertThat(again.drain(Duration.ofSeconds(2))).isEmpty();
      assertThat(againTimeline.drain(Duration.ofSeconds(1))).isEmpty();
    }
  }

  @Test
  void anEventCommittingLateIntoAGap_isDeliveredExactlyOnce() throws Exception {
    String run = run();
    String speaker = "live-gap-" + run;
    TestEvents store = new TestEvents(eventStore);
    try (SseClient client = SseClient.open(port, "/api/live/events?actor=" + speaker, null)) {
      CountDownLatch stored = new CountDownLatch(1);
      CountDownLatch commit = new CountDownLatch(1);
      CompletableFuture<Void> slowWriter =
          CompletableFuture.runAsync(
              () ->
                  new TransactionTemplate(transactions)
                      .executeWithoutResult(
                          status -> {
                            store.append(
                                "Statement", speaker + "-late", said(speaker + "-late", speaker));
                            stored.countDown();
                            await(commit);
                          }));
      assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
      store.append("Statement", speaker + "-later", said(speaker + "-later", speaker));
      long late =
          jdbc.queryForObject(
              "select global_index from domain_event_entry where aggregate_identifier = ?",
              Long.class,
              speaker + "-later");
      assertThat(late).isPositive();
      // the later event is held back while the earlier position is uncommitted
      assertThat(client.drain(Duration.ofSeconds(2))).isEmpty();

      commit.countDown();
      slowWriter.get(30, TimeUnit.SECONDS);

      List<Message> got = client.until(m -> aggregate(m).endsWith("-later"), WAIT);
      got.addAll(client.drain(Duration.ofSeconds(2)));
      assertThat(ids(got, "aggregateId")).containsExactly(speaker + "-late", speaker + "-later");
    }
  }

  @Test
  void aLongTransactionThatAppendsNoEvent_holdsBackNoEvent() throws Exception {
    String speaker = "live-busy-" + run();
    TestEvents store = new TestEvents(eventStore);
    try (SseClient client = SseClient.open(port, "/api/live/events?actor=" + speaker, null);
        Connection busy = dataSource.getConnection()) {
      busy.setAutoCommit(false);
      try (Statement s = busy.createStatement()) {
        // like a projection batch: a transaction id, writes elsewhere, a while to run
        s.execute("select pg_current_xact_id()");
      }
      store.append("Statement", speaker + "-1", said(speaker + "-1", speaker));
      List<Message> got = client.until(m -> aggregate(m).endsWith("-1"), WAIT);
      assertThat(ids(got, "aggregateId")).containsExactly(speaker + "-1");
      busy.rollback();
    }
  }

  @Test
  void aTransactionHoldingAnEventWriterTable_holdsBackLaterEvents_untilItEnds() throws Exception {
    String speaker = "live-writer-" + run();
    TestEvents store = new TestEvents(eventStore);
    try (SseClient client = SseClient.open(port, "/api/live/events?actor=" + speaker, null);
        Connection writer = dataSource.getConnection()) {
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        // what the recorder does first: a row lock on aggregate_reference, then its events
        s.execute("lock table aggregate_reference in row share mode");
        s.execute("select pg_current_xact_id()");
      }
      store.append("Statement", speaker + "-1", said(speaker + "-1", speaker));
      assertThat(client.drain(Duration.ofSeconds(2))).isEmpty();
      writer.commit();
      List<Message> got = client.until(m -> aggregate(m).endsWith("-1"), WAIT);
      assertThat(ids(got, "aggregateId")).containsExactly(speaker + "-1");
    }
  }

  @Test
  void aClientThatNeverReads_delaysNobody_andIsToldToResume() throws Exception {
    String run = run();
    String speaker = "live-bulk-" + run;
    String path = "/api/live/events?actor=" + speaker;
    double droppedBefore = meters.counter("entente.live.clients.dropped").count();
    TestEvents store = new TestEvents(eventStore);
    String text = "x".repeat(16_000);
    int count = 900;
    try (Socket slow = SseClient.openUnread(port, path);
        SseClient fast = SseClient.open(port, path, null)) {
      awaitClients(2);
      TransactionTemplate tx = new TransactionTemplate(transactions);
      for (int batch = 0; batch < count / 100; batch++) {
        int from = batch * 100;
        tx.executeWithoutResult(
            status -> {
              for (int n = from; n < from + 100; n++) {
                store.append(
                    "Statement",
                    speaker + "-" + n,
                    statement(
                        speaker + "-" + n,
                        speaker,
                        List.of(),
                        day("2025-01-01"),
                        Stance.NEUTRAL,
                        text));
              }
            });
      }
      List<Message> got = fast.until(m -> aggregate(m).equals(speaker + "-" + (count - 1)), WAIT);
      assertThat(got).extracting(Message::event).containsOnly("message");
      assertThat(got).hasSize(count);
      assertThat(new HashSet<>(ids(got, "aggregateId"))).hasSize(count);
      assertThat(meters.counter("entente.live.clients.dropped").count())
          .isGreaterThan(droppedBefore);

      // read at last: what was buffered, then the resume event with the last id it got, then the
      // end
      slow.setSoTimeout(60_000);
      List<Message> slowGot =
          SseClient.parse(
              new BufferedReader(
                  new InputStreamReader(slow.getInputStream(), StandardCharsets.UTF_8)));
      // (or, when it stayed unread longer than the container's write time-out, cut off there)
      assertThat(slowGot).isNotEmpty();
      Message last = slowGot.get(slowGot.size() - 1);
      List<Message> data = slowGot.stream().filter(m -> m.event().equals("message")).toList();
      assertThat(data.size()).isLessThan(count);
      assertThat(new HashSet<>(ids(data, "aggregateId"))).hasSize(data.size());
      if (last.event().equals("resume")) {
        assertThat(last.data()).isEqualTo(slowGot.get(slowGot.size() - 2).id());
      }
    }
  }

  @Test
  void unknownGroup_isA404Problem_andABadLastEventId_a400() {
    SseClient unknown =
        SseClient.open(port, "/api/live/groups/nobody-" + run() + "/cohesion", null);
    assertThat(unknown.status).isEqualTo(404);
    unknown.close();
    SseClient bad = SseClient.open(port, "/api/live/events?lastEventId=abc", null);
    assertThat(bad.status).isEqualTo(400);
    bad.close();
  }

  private void awaitClients(int atLeast) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (meters.get("entente.live.clients").tag("stream", "events").gauge().value() < atLeast
        && System.nanoTime() < deadline) {
      Projections.sleep(50);
    }
  }

  private static RecordStatement say(String id, String speaker, String target, String date) {
    return new RecordStatement(
        id,
        speaker,
        null,
        List.of(target),
        EventTime.instant(Instant.parse(date + "T10:00:00Z")),
        Stance.CRITICISM,
        "111",
        Weight.goldstein(-2),
        null,
        null,
        new LocalizedText("en", "Said on " + date),
        null,
        null);
  }

  private static Object said(String id, String speaker) {
    return statement(id, speaker, List.of(), day("2025-02-13"), Stance.NEUTRAL, "said " + id);
  }

  private static List<String> ids(List<Message> messages, String field) {
    List<String> ids = new ArrayList<>();
    for (Message m : messages) {
      ids.add(m == SseClient.END ? "<end>" : data(m).path(field).asText());
    }
    return ids;
  }

  private static String aggregate(Message m) {
    return m == SseClient.END ? "" : data(m).path("aggregateId").asText();
  }

  private static String entry(Message m) {
    return m == SseClient.END ? "" : data(m).path("entryId").asText();
  }

  static JsonNode data(Message m) {
    try {
      return m.data() == null ? JSON.nullNode() : JSON.readTree(m.data());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
