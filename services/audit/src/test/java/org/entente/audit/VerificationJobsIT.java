package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.log.AuditLog;
import org.entente.audit.support.AuditBootTest;
import org.entente.audit.support.LogFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verification runs are stored: a finished run reads back from the table with its counts, a run
 * left RUNNING by a process that stopped reads back INTERRUPTED with how far it got, and the latest
 * runs are listed.
 */
@AuditBootTest
class VerificationJobsIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog log;

  @Test
  void aFinishedRun_isStoredWithItsCounts_andListed() {
    LogFixture fixture = new LogFixture(eventStore, jdbc, log, port);
    fixture.awaitLogged(fixture.store("a stored verification"));

    JsonNode finding = fixture.verify();
    assertThat(finding.get("state").asText()).as(finding.toString()).isEqualTo("PASSED");
    assertThat(finding.get("percent").asDouble()).isEqualTo(100.0);
    String id = finding.get("id").asText();
    Map<String, Object> row =
        jdbc.queryForMap("select state, checked, total from audit_verification where id = ?", id);
    assertThat(row.get("state")).isEqualTo("PASSED");
    assertThat(((Number) row.get("checked")).longValue())
        .isEqualTo(finding.get("checked").asLong())
        .isEqualTo(((Number) row.get("total")).longValue())
        .isPositive();

    JsonNode latest = fixture.get("/api/audit/verify?limit=5");
    assertThat(latest.get(0).get("id").asText()).isEqualTo(id);
    fixture.get("/api/audit/verify?limit=0", 400);
  }

  @Test
  void aRunLeftRunningByAStoppedProcess_readsBackInterrupted_withItsProgress() {
    LogFixture fixture = new LogFixture(eventStore, jdbc, log, port);
    String gone = UUID.randomUUID().toString();
    String alive = UUID.randomUUID().toString();
    Timestamp longAgo = Timestamp.from(Instant.now().minusSeconds(600));
    jdbc.update(
        "insert into audit_verification (id, state, checked, total, started_at, updated_at)"
            + " values (?, 'RUNNING', 1234, 5000, ?, ?), (?, 'RUNNING', 10, 5000, now(), now())",
        gone,
        longAgo,
        longAgo,
        alive);

    JsonNode interrupted = fixture.get("/api/audit/verify/" + gone);
    assertThat(interrupted.get("state").asText()).isEqualTo("INTERRUPTED");
    assertThat(interrupted.get("checked").asLong()).isEqualTo(1234);
    assertThat(interrupted.get("error").asText()).contains("1234 of 5000").contains("run it again");
    assertThat(interrupted.has("finishedAt")).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select state from audit_verification where id = ?", String.class, gone))
        .isEqualTo("INTERRUPTED");

    // another process's run that still shows signs of life is reported as running
    assertThat(fixture.get("/api/audit/verify/" + alive).get("state").asText())
        .isEqualTo("RUNNING");
    fixture.get("/api/audit/verify/" + UUID.randomUUID(), 404);
  }
}
