package org.entente.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.verifier.Merkle;
import org.entente.verifier.PublicKeys;
import org.entente.verifier.SignedTreeHead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Provenance of the demo statements: Kallas' "dirty deal" quote, the anonymous "NATO sources"
 * report and the alleged Rutte remark at the dinner, with their grades, excerpts checked against
 * the stored article, recorders, and inclusion proofs that verify against the signed head.
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class ProvenanceIT {

  private static final String SOURCE = "nos-2025-02-13-navo-defensieministers";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestRestTemplate http;

  @Autowired
  void http(TestRestTemplate template) {
    this.http = TestUsers.authorized(template);
  }

  @Test
  void kallasQuote_leadsToItsSourceRecorderAndAVerifiedInclusionProof() throws Exception {
    JsonNode lineage = loggedLineage("kallas-dirty-deal");
    assertThat(lineage.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(lineage.at("/statement/speakerId").asText()).isEqualTo("kaja-kallas");

    JsonNode recorded = lineage.get("versions").get(0);
    assertThat(recorded.get("kind").asText()).isEqualTo("StatementRecorded");
    assertThat(recorded.get("recordedBy").asText()).isEqualTo("entente-demo-loader");
    assertThat(recorded.get("commandId").asText()).isNotBlank();
    assertThat(recorded.get("correlationId").asText()).isNotBlank();
    assertThat(recorded.get("causationId").asText()).isEqualTo(recorded.get("commandId").asText());
    assertThat(recorded.get("idempotencyKey").asText())
        .isEqualTo("demo-statement-kallas-dirty-deal");

    JsonNode citation = lineage.get("citations").get(0);
    assertThat(citation.get("grade").asText()).isEqualTo("DIRECT_QUOTE");
    assertThat(citation.at("/excerpt/quote").asText()).contains("dirty deal");
    assertThat(citation.at("/excerpt/quoteMatches").asBoolean()).isTrue();
    assertThat(citation.at("/excerpt/textAtOffsets").asText())
        .isEqualTo(citation.at("/excerpt/quote").asText());
    assertThat(citation.at("/source/publisher").asText()).isEqualTo("NOS");
    assertThat(citation.at("/source/language").asText()).isEqualTo("nl");
    assertThat(citation.at("/source/textSha256Matches").asBoolean()).isTrue();
    assertThat(citation.at("/source/textSha256Recomputed").asText())
        .isEqualTo(citation.at("/source/textSha256").asText());
    assertThat(lineage.at("/diplomaticEvent/eventId").asText())
        .isEqualTo("kallas-statement-2025-02-13");

    // the inclusion proof verifies against the signed head, with the key the API publishes
    SignedTreeHead head = SignedTreeHead.fromJson(lineage.get("head"));
    String key = http.getForObject("/api/audit/key", String.class);
    assertThat(head.verify(PublicKeys.parse(key))).isTrue();
    JsonNode log = recorded.get("log");
    List<byte[]> path = new ArrayList<>();
    log.get("auditPath").forEach(hash -> path.add(HexFormat.of().parseHex(hash.asText())));
    assertThat(
            Merkle.verifyInclusion(
                log.get("leafIndex").asLong(),
                log.get("treeSize").asLong(),
                HexFormat.of().parseHex(log.get("leafHash").asText()),
                path,
                head.rootHash()))
        .isTrue();
  }

  @Test
  void anonymousAndAllegedReports_keepTheirGradesAndQuotedWords() throws Exception {
    JsonNode nato = loggedLineage("allies-criticism-conveyed-to-hegseth");
    assertThat(nato.at("/citations/0/grade").asText()).isEqualTo("ANONYMOUS_DESCRIBED");
    assertThat(nato.at("/citations/0/excerpt/quoteMatches").asBoolean()).isTrue();
    assertThat(nato.at("/citations/0/excerpt/quote").asText()).contains("NAVO-bronnen");
    // NOS reports what anonymous NATO sources told it: a reported-by chain of one anonymous link
    assertThat(nato.at("/citations/0/reportedBy")).hasSize(1);
    assertThat(nato.at("/citations/0/reportedBy/0/description").asText())
        .isEqualTo("NAVO-bronnen (NATO sources)");
    assertThat(nato.at("/citations/0/reportedBy/0/anonymous").asBoolean()).isTrue();
    JsonNode prov =
        JSON.readTree(
            http.getForObject(
                "/api/statements/allies-criticism-conveyed-to-hegseth/provenance?format=prov-json",
                String.class));
    String account = null;
    for (JsonNode derived : prov.get("wasDerivedFrom")) {
      if (derived.path("prov:type").asText().equals("entente:ReportedBy")) {
        account = derived.path("prov:usedEntity").asText();
      }
    }
    assertThat(account).isNotNull();
    assertThat(prov.at("/entity/" + account.replace("/", "~1") + "/prov:label").asText())
        .isEqualTo("NAVO-bronnen (NATO sources)");
    String informant = null;
    for (JsonNode attribution : prov.get("wasAttributedTo")) {
      if (attribution.path("prov:entity").asText().equals(account)) {
        informant = attribution.path("prov:agent").asText();
      }
    }
    assertThat(prov.at("/agent/" + informant.replace("/", "~1") + "/prov:type").asText())
        .isEqualTo("entente:AnonymousInformant");

    JsonNode rutte = loggedLineage("rutte-addresses-hegseth-tone");
    assertThat(rutte.at("/citations/0/grade").asText()).isEqualTo("ALLEGED_UNCONFIRMED");
    assertThat(rutte.at("/citations/0/excerpt/quote").asText())
        .startsWith("Rutte zou de Amerikaan aangesproken hebben");
    assertThat(rutte.at("/citations/0/excerpt/quoteMatches").asBoolean()).isTrue();
    assertThat(rutte.at("/diplomaticEvent/eventId").asText())
        .isEqualTo("rutte-hegseth-dinner-2025-02-12");
    assertThat(rutte.at("/diplomaticEvent/kind").asText()).isEqualTo("DINNER");
  }

  @Test
  void asOf_beforeTheStatementWasRecorded_knowsNothing() {
    assertThat(
            http.getForEntity(
                    "/api/statements/kallas-dirty-deal/provenance?asOf=2000-01-01T00:00:00Z",
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(
            http.getForEntity(
                    "/api/statements/kallas-dirty-deal/provenance?asOf=yesterday", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @Test
  void provJson_isWellFormed_everyRelationNamesDeclaredNodes() throws Exception {
    JsonNode prov =
        JSON.readTree(
            http.getForObject(
                "/api/statements/kallas-dirty-deal/provenance?format=prov-json", String.class));
    Set<String> prefixes = Set.of("prov", "xsd", "entente", "_");
    assertThat(prov.get("prefix").has("entente")).isTrue();
    for (String section : List.of("entity", "activity", "agent")) {
      assertThat(prov.get(section).size()).as(section).isPositive();
      prov.get(section)
          .fieldNames()
          .forEachRemaining(
              id -> assertThat(prefixes).as(id).contains(id.substring(0, id.indexOf(':'))));
    }
    Map<String, Map<String, String>> relations =
        Map.of(
            "wasGeneratedBy", Map.of("prov:entity", "entity", "prov:activity", "activity"),
            "wasAssociatedWith", Map.of("prov:activity", "activity", "prov:agent", "agent"),
            "used", Map.of("prov:activity", "activity", "prov:entity", "entity"),
            "wasAttributedTo", Map.of("prov:entity", "entity", "prov:agent", "agent"),
            "wasDerivedFrom",
                Map.of("prov:generatedEntity", "entity", "prov:usedEntity", "entity"));
    for (Map.Entry<String, Map<String, String>> relation : relations.entrySet()) {
      JsonNode instances = prov.get(relation.getKey());
      assertThat(instances.size()).as(relation.getKey()).isPositive();
      instances.forEach(
          instance ->
              relation
                  .getValue()
                  .forEach(
                      (role, section) ->
                          assertThat(prov.get(section).has(instance.path(role).asText()))
                              .as("%s %s %s", relation.getKey(), role, instance)
                              .isTrue()));
    }
    // the quote is a prov:Quotation of the primary source, attributed to its publisher
    List<String> types = new ArrayList<>();
    prov.get("wasDerivedFrom").forEach(d -> types.add(d.path("prov:type").asText()));
    assertThat(types).contains("prov:Quotation");
    assertThat(prov.at("/entity/entente:source~1" + SOURCE + "/prov:type").asText())
        .isEqualTo("prov:PrimarySource");
  }

  @Test
  void theSourceWithItsText_hasItsHashReVerified_besideTheReadSidesSummary() throws Exception {
    JsonNode withText =
        JSON.readTree(http.getForObject("/api/sources/" + SOURCE + "?include=text", String.class));
    assertThat(withText.get("text").asText()).contains("is een dirty deal.");
    assertThat(withText.get("textSha256Matches").asBoolean()).isTrue();
    assertThat(withText.get("textSha256Recomputed").asText())
        .isEqualTo(withText.get("textSha256").asText());
    assertThat(withText.at("/recorded/idempotencyKey").asText()).isEqualTo("demo-source-" + SOURCE);
    JsonNode summary = JSON.readTree(http.getForObject("/api/sources/" + SOURCE, String.class));
    assertThat(summary.get("publisher").asText()).isEqualTo("NOS");
    assertThat(summary.has("text")).isFalse();
  }

  @Test
  void theSource_listsEveryStatementTakenFromIt_withTheQuotesChecked() throws Exception {
    JsonNode answer =
        JSON.readTree(http.getForObject("/api/sources/" + SOURCE + "/statements", String.class));
    assertThat(answer.at("/source/publisher").asText()).isEqualTo("NOS");
    assertThat(answer.at("/source/textSha256Matches").asBoolean()).isTrue();
    List<String> ids = new ArrayList<>();
    answer.get("statements").forEach(s -> ids.add(s.get("statementId").asText()));
    assertThat(ids)
        .contains(
            "kallas-dirty-deal",
            "allies-criticism-conveyed-to-hegseth",
            "rutte-addresses-hegseth-tone")
        .hasSize(8);
    answer
        .get("statements")
        .forEach(
            s ->
                s.get("citations")
                    .forEach(
                        c ->
                            assertThat(c.at("/excerpt/quoteMatches").asBoolean())
                                .as(s.get("statementId").asText())
                                .isTrue()));
  }

  /** The lineage once its first event is in the log's signed tree. */
  private JsonNode loggedLineage(String statementId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode lineage =
          JSON.readTree(
              http.getForObject("/api/statements/" + statementId + "/provenance", String.class));
      if (lineage.at("/versions/0/log").has("leafIndex") || System.nanoTime() > deadline) {
        return lineage;
      }
      Thread.sleep(200);
    }
  }
}
