package org.entente.timeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8, item 3: an event whose transaction commits after a later position was read (a gap in the
 * global index at the time of reading) is still delivered to a reader resuming with {@code after}.
 */
@TimelineBootTest
class HistoryGapIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aLateCommitIntoAGap_isDeliveredWhenTheHistoryIsResumed() throws Exception {
    Http http = new Http(port);
    TestEvents events = new TestEvents(eventStore);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String early = "early-" + run;
    String late = "late-" + run;
    String later = "later-" + run;
    events.append("Actor", early, actor(early, ActorKind.STATE, "Early"));

    // A writer takes a position and keeps its transaction open (a slow commit) ...
    CountDownLatch stored = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> slowWriter =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          events.append("Actor", late, actor(late, ActorKind.STATE, "Late"));
                          stored.countDown();
                          await(commit);
                        }));
    assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
    // ... while another event is stored at a later position and committed.
    events.append("Actor", later, actor(later, ActorKind.STATE, "Later"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                later))
        .isOne();

    // A reader reads the history now and notes the last position it got.
    List<JsonNode> read = new ArrayList<>(lines(http, null));
    Long last = read.isEmpty() ? null : read.get(read.size() - 1).get("position").asLong();

    commit.countDown();
    slowWriter.get(30, TimeUnit.SECONDS);

    // Resuming after the last position read delivers the late event (and the later one) once.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!(contains(read, late) && contains(read, later)) && System.nanoTime() < deadline) {
      List<JsonNode> next = lines(http, last);
      read.addAll(next);
      if (!next.isEmpty()) {
        last = next.get(next.size() - 1).get("position").asLong();
      } else {
        Thread.sleep(50);
      }
    }
    assertThat(aggregates(read).stream().filter(List.of(early, late, later)::contains))
        .containsExactlyInAnyOrder(early, late, later);
  }

  private static List<JsonNode> lines(Http http, Long after) {
    Http.Response response =
        http.get("/api/history" + (after == null ? "" : "?after=" + after), "application/x-ndjson");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.lines();
  }

  private static boolean contains(List<JsonNode> lines, String aggregate) {
    return aggregates(lines).contains(aggregate);
  }

  private static List<String> aggregates(List<JsonNode> lines) {
    return lines.stream().map(line -> line.get("aggregateId").asText()).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
