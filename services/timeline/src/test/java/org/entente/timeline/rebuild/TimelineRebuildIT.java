package org.entente.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.membership;
import static org.entente.timeline.support.Facts.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.statement.Stance;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A rebuild from the first event while queries keep answering, then a switch to the new slot. */
@TimelineBootTest
// One event per transaction, so a rebuild of a few hundred events takes long enough to watch;
// two segments on two threads, so positions are combined over segments.
@TestPropertySource(
    properties = {
      "entente.timeline.processor.batch-size=1",
      "entente.timeline.processor.segments=2",
      "entente.timeline.processor.threads=2"
    })
class TimelineRebuildIT {

  private static final String STATUS = "/api/admin/projections/timeline";

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void rebuild_whileQueriesKeepAnswering_switchesToAnEqualTimeline_andClearsTheOldSlot() {
    Http http = new Http(port);
    TestEvents events = new TestEvents(eventStore);
    Projections projections = new Projections(positions, slots);
    events.append("Actor", "alliance", actor("alliance", ActorKind.ALLIANCE, "Alliance"));
    events.append("Actor", "member", actor("member", ActorKind.STATE, "Member"));
    events.append("Actor", "member", membership("member", "alliance", "2020-01-01", null));
    for (int i = 0; i < 300; i++) {
      String id = "st" + i;
      events.append(
          "Statement",
          id,
          statement(
              id,
              "member",
              List.of("alliance"),
              day("2025-01-" + (10 + i % 20)),
              Stance.SUPPORT,
              "v1"));
      if (i % 10 == 0) {
        events.append("Statement", id, correctText(id, "v2", "fix"));
      }
    }
    projections.awaitCaughtUp();
    String actorPath = "/api/actors/member/timeline?limit=500";
    String groupPath = "/api/groups/alliance/timeline?format=ndjson";
    JsonNode before = http.get(actorPath).json();
    String groupBefore = http.get(groupPath).body();
    assertThat(before.get("items")).hasSize(300);
    assertThat(positions.segmentPositions(slots.live().processorName())).hasSize(2);
    JsonNode idle = http.get(STATUS).json();
    assertThat(idle.get("state").asText()).isEqualTo("LIVE");
    String oldSlot = idle.at("/live/slot").asText();

    Http.Response started = http.post(STATUS + "/rebuild");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.json().get("state").asText()).isEqualTo("REBUILDING");
    String newSlot = started.json().at("/rebuild/slot").asText();
    assertThat(newSlot).isNotEqualTo(oldSlot);
    assertThat(http.post(STATUS + "/rebuild").status()).isEqualTo(409);

    int answeredWhileRebuilding = 0;
    boolean storingCohesionSeen = false;
    List<Long> progress = new ArrayList<>();
    double fastest = 0;
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      // read before the status: the caught-up replay marks the groups and changes phase together
      long marked = cohesionMarks(newSlot);
      JsonNode status = http.get(STATUS).json();
      JsonNode answer = http.get(actorPath).json();
      assertThat(answer.get("items")).isEqualTo(before.get("items"));
      if (!status.get("state").asText().equals("REBUILDING")) {
        break;
      }
      if (status.at("/rebuild/phase").asText().equals("REPLAYING")) {
        // the replay's batches leave the stored cohesion until it has caught up
        assertThat(marked).isZero();
        assertThat(status.at("/rebuild/cohesionGroupsLeft").isNumber()).isFalse();
      } else {
        assertThat(status.at("/rebuild/phase").asText()).isEqualTo("STORING_COHESION");
        assertThat(status.at("/rebuild/cohesionGroupsLeft").asLong()).isNotNegative();
        storingCohesionSeen = true;
      }
      answeredWhileRebuilding++;
      progress.add(status.at("/rebuild/position").asLong());
      fastest = Math.max(fastest, status.at("/rebuild/eventsPerSecond").asDouble());
      assertThat(status.at("/rebuild/head").asLong()).isEqualTo(positions.head());
      assertThat(Instant.now()).isBefore(deadline);
    }

    assertThat(answeredWhileRebuilding).isGreaterThan(0);
    assertThat(progress).isSorted();
    assertThat(fastest).isPositive();
    JsonNode done = http.get(STATUS).json();
    assertThat(done.at("/live/slot").asText()).isEqualTo(newSlot);
    assertThat(done.at("/lastRebuild/position").asLong()).isEqualTo(positions.head());
    assertThat(http.get(actorPath).json().get("items")).isEqualTo(before.get("items"));
    assertThat(http.get(groupPath).body()).isEqualTo(groupBefore);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tl_entry_version where slot = ?", Long.class, oldSlot))
        .isZero();
    // the rebuilt slot went live with its cohesion stored: nothing left to recompute
    assertThat(storingCohesionSeen).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tl_cohesion_summary where slot = ? and group_id = 'alliance'",
                Long.class,
                newSlot))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tl_cohesion_dirty where slot = ?", Long.class, newSlot))
        .isZero();
    // the planner's statistics were refreshed after the switch: they know the live slot, and
    // that the old one is empty (plans made on statistics from before joined row by row)
    assertThat(
            jdbc.queryForObject(
                "select most_common_vals::text from pg_stats where schemaname = current_schema()"
                    + " and tablename = 'tl_entry_version' and attname = 'slot'",
                String.class))
        .isEqualTo("{" + newSlot + "}");

    // and back again, with events arriving during the rebuild
    assertThat(http.post(STATUS + "/rebuild").status()).isEqualTo(202);
    events.append(
        "Statement",
        "late",
        statement("late", "member", List.of(), day("2025-03-01"), Stance.SUPPORT, "late"));
    Instant again = Instant.now().plus(Duration.ofSeconds(60));
    while (http.get(STATUS).json().get("state").asText().equals("REBUILDING")) {
      assertThat(http.get(actorPath).json().get("items").size()).isBetween(300, 301);
      assertThat(Instant.now()).isBefore(again);
    }
    assertThat(http.get(STATUS).json().at("/live/slot").asText()).isEqualTo(oldSlot);
    projections.awaitCaughtUp();
    JsonNode after = http.get(actorPath).json();
    assertThat(after.get("items")).hasSize(301);
    assertThat(after.at("/items/300/entryId").asText()).isEqualTo("late");
  }

  @Test
  void queries_followTheSlotTheDatabaseSaysIsLive_evenBeforeThisProcessHasSeenTheSwitch() {
    Http http = new Http(port);
    TestEvents events = new TestEvents(eventStore);
    events.append("Actor", "envoy", actor("envoy", ActorKind.PERSON, "Envoy"));
    for (int i = 0; i < 3; i++) {
      String id = "envoy-st" + i;
      events.append(
          "Statement",
          id,
          statement(id, "envoy", List.of(), day("2025-02-1" + i), Stance.APPEAL, "said " + i));
    }
    new Projections(positions, slots).awaitCaughtUp();
    String path = "/api/actors/envoy/timeline";
    JsonNode before = http.get(path).json();
    assertThat(before.get("items")).hasSize(3);
    Slot live = slots.live();
    Slot other = live.other();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from tl_entry_version where slot = ?", Long.class, other.code()))
        .isZero();
    try {
      // What a switch does, committed where this process's cached slot state does not see it (as
      // another node's rebuild would, or one committing while a page is read): the rows are in
      // the other slot, it is live, the old slot is cleared.
      moveRows(live, other);
      assertThat(slots.live()).isEqualTo(live);

      Http.Response page = http.get(path);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.json().get("items")).isEqualTo(before.get("items"));
      assertThat(http.get(path + "?format=ndjson").lines()).hasSize(3);
    } finally {
      moveRows(other, live);
      slots.refresh();
    }
  }

  /** Groups whose stored cohesion waits to be recomputed in {@code slot}, or was recomputed. */
  private long cohesionMarks(String slot) {
    return jdbc.queryForObject(
        "select (select count(*) from tl_cohesion_dirty where slot = ?)"
            + " + (select count(*) from tl_cohesion_summary where slot = ?)",
        Long.class,
        slot,
        slot);
  }

  /** Moves every timeline row of one slot to the other and makes the other live, atomically. */
  private void moveRows(Slot from, Slot to) {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (String table :
                  List.of(
                      "tl_page_row",
                      "tl_entry_actor",
                      "tl_entry_version",
                      "tl_source",
                      "tl_membership",
                      "tl_role",
                      "tl_actor")) {
                jdbc.update(
                    "update " + table + " set slot = ? where slot = ?", to.code(), from.code());
              }
              jdbc.update(
                  "update tl_projection_state set live_slot = ? where projection = 'timeline'",
                  to.code());
            });
  }
}
