package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.config.AuditProperties;
import org.entente.audit.log.AuditLog;
import org.entente.audit.support.AuditBootTest;
import org.entente.audit.support.LogFixture;
import org.entente.verifier.EventDocument;
import org.entente.verifier.Merkle;
import org.entente.verifier.PublicKeys;
import org.entente.verifier.SignedTreeHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The log over real stored events: heads, proofs, verification, and the offline verifier. */
@AuditBootTest
class AuditLogIT {

  private static final HexFormat HEX = HexFormat.of();

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog log;
  @Autowired AuditProperties properties;
  @TempDir Path files;

  LogFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new LogFixture(eventStore, jdbc, log, port);
  }

  @Test
  void theLog_holdsEveryStoredEventInPositionOrder() {
    List<Long> positions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      positions.add(fixture.store("event " + i));
    }
    fixture.awaitLogged(positions.get(11));

    List<Long> logged =
        jdbc.queryForList("select position from audit_leaf order by leaf_index", Long.class);
    List<Long> stored =
        jdbc.queryForList(
            "select global_index from domain_event_entry where global_index <= ? order by global_index",
            Long.class,
            positions.get(11));
    assertThat(logged).startsWith(stored.toArray(Long[]::new));
  }

  @Test
  void theHead_isSignedByTheKeyInTheDataFolder_andItsRootIsTheTreeOfTheStoredEvents()
      throws Exception {
    long position = fixture.store("head");
    fixture.awaitLogged(position);

    JsonNode head = fixture.get("/api/audit/head");
    SignedTreeHead signed = SignedTreeHead.fromJson(head);
    String publicKey =
        java.nio.file.Files.readString(
            properties.keyFile().resolveSibling(properties.keyFile().getFileName() + ".pub"));
    assertThat(signed.verify(PublicKeys.parse(publicKey))).isTrue();
    assertThat(head.get("keyId").asText()).isEqualTo(PublicKeys.keyId(PublicKeys.parse(publicKey)));

    // the root recomputed here from the event table's rows, by the RFC definition
    List<byte[]> leaves =
        jdbc.query(
            "select e.global_index, e.event_identifier, e.payload_type, e.payload_revision, e.type,"
                + " e.aggregate_identifier, e.sequence_number, e.time_stamp, e.payload, e.meta_data"
                + " from domain_event_entry e join audit_leaf l on l.position = e.global_index"
                + " where l.leaf_index < ? order by e.global_index",
            (rs, n) ->
                EventDocument.leafHash(
                    EventDocument.of(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getBytes(9),
                        rs.getBytes(10))),
            signed.treeSize());
    assertThat(leaves).hasSize((int) signed.treeSize());
    assertThat(HEX.formatHex(mth(leaves))).isEqualTo(HEX.formatHex(signed.rootHash()));
  }

  @Test
  void anInclusionProof_verifiesOffline_byPositionAndByEventId() {
    long position = fixture.store("included");
    fixture.awaitLogged(position);
    String key = fixture.get("/api/audit/head").get("publicKey").asText();

    JsonNode proof = fixture.get("/api/audit/proof/inclusion?position=" + position);
    assertThat(proof.get("event").get("position").asLong()).isEqualTo(position);
    assertThat(proof.get("event").get("payload").get("text").asText()).isEqualTo("included");
    assertThat(fixture.cli(files, "inclusion", Map.of("proof", proof, "public-key", key)))
        .satisfies(result -> assertThat(result.status()).as(result.output()).isZero());

    JsonNode byId =
        fixture.get("/api/audit/proof/inclusion?eventId=" + proof.get("eventId").asText());
    assertThat(byId.get("leafIndex")).isEqualTo(proof.get("leafIndex"));

    // another event's document does not pass with this proof
    ObjectNode altered = proof.get("event").deepCopy();
    ((ObjectNode) altered.get("payload")).put("text", "included!");
    LogFixture.CliResult rejected =
        fixture.cli(
            files, "inclusion", Map.of("proof", proof, "public-key", key, "event", altered));
    assertThat(rejected.status()).as(rejected.output()).isEqualTo(1);
    assertThat(rejected.output()).contains("FAILED").contains("position " + position);
  }

  @Test
  void twoHeads_areConsistent_offline() {
    long first = fixture.store("first");
    fixture.awaitLogged(first);
    JsonNode older = fixture.get("/api/audit/head");
    long second = fixture.store("second");
    fixture.awaitLogged(second);
    JsonNode newer = fixture.get("/api/audit/head");
    assertThat(newer.get("treeSize").asLong()).isGreaterThan(older.get("treeSize").asLong());

    JsonNode proof =
        fixture.get(
            "/api/audit/proof/consistency?from="
                + older.get("treeSize").asLong()
                + "&to="
                + newer.get("treeSize").asLong());
    String key = newer.get("publicKey").asText();
    LogFixture.CliResult result =
        fixture.cli(
            files,
            "consistency",
            Map.of("proof", proof, "public-key", key, "old", older, "new", newer));
    assertThat(result.status()).as(result.output()).isZero();

    // the heads swapped (a shrinking log) do not pass
    LogFixture.CliResult swapped =
        fixture.cli(
            files,
            "consistency",
            Map.of("proof", proof, "public-key", key, "old", newer, "new", older));
    assertThat(swapped.status()).as(swapped.output()).isEqualTo(1);
  }

  @Test
  void verification_passes_onAnUntouchedStore() {
    long position = fixture.store("untouched");
    fixture.awaitLogged(position);
    fixture.get("/api/audit/head");

    JsonNode finding = fixture.verify();
    assertThat(finding.get("state").asText()).as(finding.toString()).isEqualTo("PASSED");
    assertThat(finding.get("checked").asLong())
        .isEqualTo(finding.get("total").asLong())
        .isPositive();
  }

  @Test
  void badRequests_areProblemsNamingTheParameter() {
    JsonNode missing = fixture.get("/api/audit/proof/inclusion?position=999999999", 404);
    assertThat(missing.get("parameter").asText()).isEqualTo("position");
    JsonNode notANumber = fixture.get("/api/audit/proof/inclusion?position=x", 400);
    assertThat(notANumber.get("parameter").asText()).isEqualTo("position");
    JsonNode backwards = fixture.get("/api/audit/proof/consistency?from=5&to=2", 400);
    assertThat(backwards.get("parameter").asText()).isEqualTo("from");
  }

  /** RFC 6962 MTH, independent of the log's frontier and stored subtrees. */
  private static byte[] mth(List<byte[]> leafHashes) {
    if (leafHashes.size() == 1) {
      return leafHashes.get(0);
    }
    int k = Integer.highestOneBit(leafHashes.size() - 1);
    return Merkle.nodeHash(
        mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, leafHashes.size())));
  }
}
