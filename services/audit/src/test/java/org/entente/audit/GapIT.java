package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.log.AuditLog;
import org.entente.audit.support.AuditBootTest;
import org.entente.audit.support.LogFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose transaction commits after a later position's did (a gap while it is open) takes
 * its own place in the log, before the later event: the log waits for it rather than skipping it.
 */
@AuditBootTest
class GapIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog log;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aLateCommitIntoAGap_getsItsPlaceInPositionOrder() throws Exception {
    LogFixture fixture = new LogFixture(eventStore, jdbc, log, port);
    long before = fixture.store("before");
    fixture.awaitLogged(before);

    String late = "late-" + UUID.randomUUID();
    CountDownLatch stored = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> slowWriter =
        CompletableFuture.runAsync(
            () ->
                new TransactionTemplate(transactions)
                    .executeWithoutResult(
                        status -> {
                          fixture.storeIn(late, "late");
                          stored.countDown();
                          await(commit);
                        }));
    assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();
    long later = fixture.store("later"); // committed, at a position after the open one

    // the appender runs every 50 ms; give it many rounds: the later event must not be appended
    Thread.sleep(1500);
    assertThat(log.state().lastPosition()).isLessThan(later);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_leaf where position = ?", Long.class, later))
        .isZero();

    commit.countDown();
    slowWriter.get(30, TimeUnit.SECONDS);
    long latePosition = fixture.positionOf(late);
    assertThat(latePosition).isBetween(before + 1, later - 1);
    fixture.awaitLogged(later);

    long lateLeaf = leafOf(latePosition);
    assertThat(leafOf(later)).isEqualTo(lateLeaf + 1);
    assertThat(leafOf(before)).isEqualTo(lateLeaf - 1);
    fixture.get("/api/audit/head");
    JsonNode finding = fixture.verify();
    assertThat(finding.get("state").asText()).as(finding.toString()).isEqualTo("PASSED");
  }

  private long leafOf(long position) {
    return jdbc.queryForObject(
        "select leaf_index from audit_leaf where position = ?", Long.class, position);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
