package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.log.AuditLog;
import org.entente.audit.support.AuditBootTest;
import org.entente.audit.support.LogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A database superuser alters one stored event's payload behind the service's back (disabling the
 * append-only trigger to do it): verification names exactly that position, and the offline verifier
 * rejects that event's proof while the others still pass. Its own database (the property below
 * gives it its own context), as the tampering is for good.
 */
@AuditBootTest
@TestPropertySource(properties = "entente.audit.verify-fetch-size=3")
class TamperIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog log;
  @TempDir Path files;

  @Test
  void anAlteredPayload_isReportedAtItsPosition_andItsProofFailsOffline() {
    LogFixture fixture = new LogFixture(eventStore, jdbc, log, port);
    List<Long> positions = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      positions.add(fixture.store("Kallas: a dirty deal " + i));
    }
    fixture.awaitLogged(positions.get(6));
    String key = fixture.get("/api/audit/head").get("publicKey").asText();
    JsonNode before = fixture.verify();
    assertThat(before.get("state").asText()).as(before.toString()).isEqualTo("PASSED");

    long tampered = positions.get(3);
    jdbc.execute("alter table domain_event_entry disable trigger domain_event_entry_append_only");
    try {
      int changed =
          jdbc.update(
              "update domain_event_entry set payload = convert_to(replace(convert_from(payload,"
                  + " 'UTF8'), 'dirty deal', 'fair deal'), 'UTF8') where global_index = ?",
              tampered);
      assertThat(changed).isOne();
    } finally {
      jdbc.execute("alter table domain_event_entry enable trigger domain_event_entry_append_only");
    }

    JsonNode finding = fixture.verify();
    assertThat(finding.get("state").asText()).as(finding.toString()).isEqualTo("FAILED");
    assertThat(finding.get("firstMismatch").get("position").asLong()).isEqualTo(tampered);
    assertThat(finding.get("checked").asLong())
        .as("every leaf before it checked")
        .isEqualTo(
            jdbc.queryForObject(
                "select leaf_index from audit_leaf where position = ?", Long.class, tampered));

    JsonNode proof = fixture.get("/api/audit/proof/inclusion?position=" + tampered);
    assertThat(proof.get("event").get("payload").get("text").asText()).contains("fair deal");
    LogFixture.CliResult rejected =
        fixture.cli(files, "inclusion", Map.of("proof", proof, "public-key", key));
    assertThat(rejected.status()).as(rejected.output()).isEqualTo(1);
    assertThat(rejected.output()).startsWith("FAILED").contains("position " + tampered);

    JsonNode untouched = fixture.get("/api/audit/proof/inclusion?position=" + positions.get(4));
    LogFixture.CliResult passed =
        fixture.cli(
            files.resolve("other"), "inclusion", Map.of("proof", untouched, "public-key", key));
    assertThat(passed.status()).as(passed.output()).isZero();
  }
}
