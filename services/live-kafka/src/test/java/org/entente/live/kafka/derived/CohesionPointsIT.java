package org.entente.live.kafka.derived;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.live.kafka.KafkaCluster;
import org.entente.live.kafka.LiveKafkaProperties;
import org.entente.live.kafka.derived.PendingCohesionPoints.Point;
import org.entente.live.kafka.support.KafkaBootTest;
import org.entente.live.kafka.support.TopicReader;
import org.entente.timeline.support.Facts;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cohesion points the derived-updates publisher leaves behind: one waits while its group is
 * marked for recomputation and its stored rows do not cover it, goes out once they do, and is
 * removed only if no later event touched its day meanwhile.
 */
@KafkaBootTest
class CohesionPointsIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired PendingCohesionPoints pending;
  @Autowired TimelineSlots slots;
  @Autowired EventStore eventStore;
  @Autowired KafkaCluster cluster;
  @Autowired LiveKafkaProperties properties;
  @Autowired MeterRegistry meters;

  @Test
  void aPointWaits_whileItsGroupIsMarkedAndNotCovered_andALaterPositionOfItsDayStays() {
    Slot slot = slots.readLive();
    LocalDate day = LocalDate.parse("2025-02-13");
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              // the publisher's lock: the background round leaves these rows alone meanwhile
              jdbc.queryForObject(
                  "select pg_advisory_xact_lock(?)::text",
                  String.class,
                  CohesionPointsPublisher.LOCK);
              jdbc.update(
                  "insert into tl_cohesion_dirty (slot, group_id) values (?, 'cp-marked')",
                  slot.code());
              pending.add(List.of(new Point("cp-marked", day, 40, "e40")));
              assertThat(idsOf(pending.ready(slot, 100))).doesNotContain("cp-marked");

              jdbc.update(
                  "insert into tl_cohesion_summary (slot, group_id, interactions, duplicates,"
                      + " other_scale, scale_versions, covers_position)"
                      + " values (?, 'cp-marked', 0, 0, 0, '{}', 39)",
                  slot.code());
              assertThat(idsOf(pending.ready(slot, 100))).doesNotContain("cp-marked");
              jdbc.update(
                  "update tl_cohesion_summary set covers_position = 40"
                      + " where slot = ? and group_id = 'cp-marked'",
                  slot.code());
              List<Point> ready =
                  pending.ready(slot, 100).stream()
                      .filter(p -> p.groupId().equals("cp-marked"))
                      .toList();
              assertThat(ready).containsExactly(new Point("cp-marked", day, 40, "e40"));

              // a later event touches the day (and an earlier one cannot move it back)
              pending.add(List.of(new Point("cp-marked", day, 45, "e45")));
              pending.add(List.of(new Point("cp-marked", day, 41, "e41")));
              pending.remove(ready);
              assertThat(
                      jdbc.queryForObject(
                          "select position from kafka_cohesion_pending where group_id = 'cp-marked'",
                          Long.class))
                  .isEqualTo(45L);
              assertThat(idsOf(pending.ready(slot, 100))).doesNotContain("cp-marked");
              assertThat(meters.find("entente.kafka.cohesion.points.pending").gauge()).isNotNull();
              status.setRollbackOnly();
            });
  }

  @Test
  void removing_skipsARowAnotherTransactionIsChanging_insteadOfWaitingForIt() throws Exception {
    LocalDate day = LocalDate.parse("2025-02-14");
    Point sent = new Point("cp-locked", day, 40, "e40");
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate separate = new TransactionTemplate(transactions);
    separate.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    CountDownLatch changing = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    outer.executeWithoutResult(
        status -> {
          // the publisher's lock: the background round leaves the row alone meanwhile
          jdbc.queryForObject(
              "select pg_advisory_xact_lock(?)::text", String.class, CohesionPointsPublisher.LOCK);
          separate.executeWithoutResult(s -> pending.add(List.of(sent)));
          // the derived publisher moving the day's position on, not yet committed
          Thread writer =
              new Thread(
                  () ->
                      separate.executeWithoutResult(
                          s -> {
                            jdbc.update(
                                "update kafka_cohesion_pending set position = 50"
                                    + " where group_id = 'cp-locked'");
                            changing.countDown();
                            await(done);
                            s.setRollbackOnly();
                          }));
          writer.start();
          await(changing);
          jdbc.execute("set local lock_timeout = '2s'"); // waiting would fail here
          pending.remove(List.of(sent));
          done.countDown();
          join(writer);
          // the change rolled back: the point is still owed
          assertThat(
                  jdbc.queryForObject(
                      "select position from kafka_cohesion_pending where group_id = 'cp-locked'",
                      Long.class))
              .isEqualTo(40L);
          pending.remove(List.of(sent));
          assertThat(waiting("cp-locked")).isZero();
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCoveredPoint_isSentFromTheStoredCohesion_thenRemoved() throws InterruptedException {
    TestEvents events = new TestEvents(eventStore);
    events.append("Actor", "cp-alliance", Facts.actor("cp-alliance", ActorKind.ALLIANCE, "CP"));
    // as the derived-updates publisher does, the point is left once the timeline has the group
    long known = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jdbc.queryForObject(
                "select count(*) from tl_actor where actor_id = 'cp-alliance'", Long.class)
            == 0
        && System.nanoTime() < known) {
      Thread.sleep(50);
    }
    // not marked: sent at the next round, read as the endpoint would answer now
    pending.add(List.of(new Point("cp-alliance", LocalDate.parse("2025-03-03"), 1, "e1")));

    List<ConsumerRecord<String, byte[]>> read =
        TopicReader.read(
            cluster.bootstrapServers(),
            properties.getTopics().getCohesionPoints(),
            records -> records.stream().anyMatch(r -> "cp-alliance/2025-03-03".equals(r.key())),
            Duration.ofSeconds(60));
    ConsumerRecord<String, byte[]> record =
        read.stream()
            .filter(r -> "cp-alliance/2025-03-03".equals(r.key()))
            .findFirst()
            .orElseThrow();
    assertThat(new String(record.headers().lastHeader("ce_causationid").value())).isEqualTo("e1");
    assertThat(new String(record.value())).contains("\"groupId\":\"cp-alliance\"");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (waiting("cp-alliance") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(waiting("cp-alliance")).isZero();
  }

  private long waiting(String groupId) {
    return jdbc.queryForObject(
        "select count(*) from kafka_cohesion_pending where group_id = ?", Long.class, groupId);
  }

  private static List<String> idsOf(List<Point> points) {
    return points.stream().map(Point::groupId).toList();
  }
}
