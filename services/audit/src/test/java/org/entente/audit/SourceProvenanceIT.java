package org.entente.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.log.AuditLog;
import org.entente.audit.support.AuditBootTest;
import org.entente.audit.support.LogFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Recorded through the recorder's HTTP API: a source's text re-verified against its hash (also
 * after a superuser rewrites it), the Idempotency-Key in each version's lineage, a reported-by
 * chain through another outlet, an actor and anonymous sources, and quoted words checked in code
 * points. Its own context (the property below), as the tampering is for good.
 */
@AuditBootTest
@TestPropertySource(properties = "entente.audit.verify-fetch-size=5")
class SourceProvenanceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  // an emoji before the quote: code-point offsets differ from UTF-16 offsets
  private static final String TEXT =
      "Reuters 😀 meldt: Kallas noemde het een dirty deal, melden NAVO-bronnen.";
  private static final String WIRE = "Reuters: Kallas called it a dirty deal.";
  private static final String QUOTE = "Kallas noemde het een dirty deal";

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditLog log;
  private final HttpClient http = HttpClient.newHttpClient();
  private LogFixture fixture;
  private String run;

  @BeforeEach
  void setUp() {
    fixture = new LogFixture(eventStore, jdbc, log, port);
    run = "sp-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void sourceWithText_reVerifiesTheHash_andSaysSoWhenTheTextWasRewritten() throws Exception {
    String source = registerSource(run + "-nos", "NOS", TEXT);

    JsonNode answer = fixture.get("/api/sources/" + source + "?include=text");
    assertThat(answer.get("text").asText()).isEqualTo(TEXT);
    assertThat(answer.get("textSha256").asText()).isEqualTo(sha256(TEXT));
    assertThat(answer.get("textSha256Recomputed").asText()).isEqualTo(sha256(TEXT));
    assertThat(answer.get("textSha256Matches").asBoolean()).isTrue();
    assertThat(answer.at("/recorded/idempotencyKey").asText()).isEqualTo("key-" + source);
    assertThat(answer.at("/links/statements").asText())
        .isEqualTo("/api/sources/" + source + "/statements");
    fixture.get("/api/sources/" + source + "?include=everything", 400);
    fixture.get("/api/sources/" + run + "-nowhere?include=text", 404);
    fixture.get("/api/sources/" + source + "?include=text&asOf=2000-01-01T00:00:00Z", 404);

    jdbc.execute("alter table domain_event_entry disable trigger domain_event_entry_append_only");
    try {
      jdbc.update(
          "update domain_event_entry set payload = convert_to(replace(convert_from(payload,"
              + " 'UTF8'), 'dirty deal', 'fair deal'), 'UTF8') where aggregate_identifier = ?",
          source);
    } finally {
      jdbc.execute("alter table domain_event_entry enable trigger domain_event_entry_append_only");
    }
    JsonNode tampered = fixture.get("/api/sources/" + source + "?include=text");
    assertThat(tampered.get("text").asText()).contains("fair deal");
    assertThat(tampered.get("textSha256").asText()).isEqualTo(sha256(TEXT));
    assertThat(tampered.get("textSha256Matches").asBoolean()).isFalse();
    assertThat(tampered.get("textSha256Recomputed").asText())
        .isEqualTo(sha256(TEXT.replace("dirty deal", "fair deal")));
  }

  @Test
  void lineage_showsTheKeyTheChainAndTheQuotedWordsInCodePoints() throws Exception {
    String nos = registerSource(run + "-nos", "NOS", TEXT);
    String wire = registerSource(run + "-wire", "Reuters", WIRE);
    post(
        "/api/actors",
        run + "-nato",
        "{\"actorId\":\"" + run + "-nato\",\"kind\":\"ALLIANCE\",\"name\":\"NATO\"}");
    post(
        "/api/actors",
        run + "-kallas",
        "{\"actorId\":\"" + run + "-kallas\",\"kind\":\"PERSON\",\"name\":\"Kaja Kallas\"}");
    int start = TEXT.codePointCount(0, TEXT.indexOf(QUOTE));
    String statement = run + "-dirty-deal";
    post(
        "/api/statements",
        "key-" + statement,
        """
        {"statementId":"%s","speakerId":"%s","saidAt":{"at":"2025-02-13T00:00:00Z","precision":"DAY"},
         "stance":"CRITICISM","cameoCode":"111",
         "weight":{"value":-2.0,"scale":"goldstein","scaleVersion":"cameo-1.1b3"},
         "original":{"language":"nl","text":"%s"},
         "citations":[{"sourceId":"%s","excerpt":{"start":%d,"end":%d,"quote":"%s"},
           "grade":"SECOND_HAND_MEDIA",
           "reportedBy":[{"sourceId":"%s"},{"actorId":"%s","description":"a NATO spokesperson"},
                         {"description":"NAVO-bronnen (NATO sources)"}]}]}
        """
            .formatted(
                statement,
                run + "-kallas",
                QUOTE,
                nos,
                start,
                start + QUOTE.length(),
                QUOTE,
                wire,
                run + "-nato",
                "x"));

    Thread.sleep(20);
    java.time.Instant beforeCorrection = java.time.Instant.now();
    Thread.sleep(20);
    post(
        "/api/statements/" + statement + "/corrections",
        "key-correction-" + statement,
        "{\"addTopics\":[\"deal\"],\"reason\":\"the topic was missing\"}");

    JsonNode lineage = fixture.get("/api/statements/" + statement + "/provenance");
    JsonNode correction = lineage.at("/versions/1");
    assertThat(correction.get("kind").asText()).isEqualTo("StatementCorrected");
    assertThat(correction.get("reason").asText()).isEqualTo("the topic was missing");
    assertThat(correction.get("idempotencyKey").asText()).isEqualTo("key-correction-" + statement);
    assertThat(lineage.at("/statement/topics").toString()).contains("deal");
    JsonNode before =
        fixture.get("/api/statements/" + statement + "/provenance?asOf=" + beforeCorrection);
    assertThat(before.get("versions")).hasSize(1);
    assertThat(before.at("/statement/topics").toString()).doesNotContain("deal");
    JsonNode version = lineage.at("/versions/0");
    assertThat(version.get("idempotencyKey").asText()).isEqualTo("key-" + statement);
    assertThat(version.get("causationId").asText()).isEqualTo(version.get("commandId").asText());
    assertThat(version.get("correlationId").asText()).isNotBlank();

    JsonNode citation = lineage.at("/citations/0");
    assertThat(citation.at("/excerpt/textAtOffsets").asText()).isEqualTo(QUOTE);
    assertThat(citation.at("/excerpt/quoteMatches").asBoolean()).isTrue();
    JsonNode chain = citation.get("reportedBy");
    assertThat(chain).hasSize(3);
    assertThat(chain.get(0).get("sourceId").asText()).isEqualTo(wire);
    assertThat(chain.get(0).at("/source/publisher").asText()).isEqualTo("Reuters");
    assertThat(chain.get(0).at("/source/textSha256Matches").asBoolean()).isTrue();
    assertThat(chain.get(0).get("anonymous").asBoolean()).isFalse();
    assertThat(chain.get(1).get("actorName").asText()).isEqualTo("NATO");
    assertThat(chain.get(1).get("description").asText()).isEqualTo("a NATO spokesperson");
    assertThat(chain.get(2).get("description").asText()).isEqualTo("NAVO-bronnen (NATO sources)");
    assertThat(chain.get(2).get("anonymous").asBoolean()).isTrue();

    JsonNode prov = fixture.get("/api/statements/" + statement + "/provenance?format=prov-json");
    // excerpt ← wire article ← NATO's account ← the anonymous informants' account
    List<String> hops = new ArrayList<>();
    String at = "entente:excerpt/" + statement + "/1";
    for (int hop = 0; hop < 3; hop++) {
      String from = at;
      JsonNode step = null;
      for (JsonNode derived : prov.get("wasDerivedFrom")) {
        if (derived.path("prov:generatedEntity").asText().equals(from)
            && derived.path("prov:type").asText().equals("entente:ReportedBy")) {
          step = derived;
        }
      }
      assertThat(step).as("a reported-by hop from %s", from).isNotNull();
      at = step.get("prov:usedEntity").asText();
      hops.add(at);
      assertThat(prov.get("entity").has(at)).as(at).isTrue();
    }
    assertThat(hops.get(0)).isEqualTo("entente:source/" + wire);
    assertThat(attributedTo(prov, hops.get(0))).isEqualTo("entente:publisher/Reuters");
    assertThat(attributedTo(prov, hops.get(1))).isEqualTo("entente:actor/" + run + "-nato");
    String informant = attributedTo(prov, hops.get(2));
    assertThat(prov.at("/agent/" + informant.replace("/", "~1") + "/prov:type").asText())
        .isEqualTo("entente:AnonymousInformant");
  }

  @Test
  void aChainThroughAnUnknownSource_isRefusedNamingTheField_andNothingIsStored() throws Exception {
    String nos = registerSource(run + "-nos", "NOS", TEXT);
    post(
        "/api/actors",
        run + "-kallas",
        "{\"actorId\":\"" + run + "-kallas\",\"kind\":\"PERSON\",\"name\":\"Kaja Kallas\"}");
    String statement = run + "-refused";
    HttpResponse<String> refused =
        send(
            "/api/statements",
            null,
            """
            {"statementId":"%s","speakerId":"%s","saidAt":{"at":"2025-02-13T00:00:00Z","precision":"DAY"},
             "stance":"CRITICISM","cameoCode":"111",
             "weight":{"value":-2.0,"scale":"goldstein","scaleVersion":"cameo-1.1b3"},
             "original":{"language":"nl","text":"x"},
             "citations":[{"sourceId":"%s","excerpt":{"start":0,"end":7},"grade":"SECOND_HAND_MEDIA",
               "reportedBy":[{"sourceId":"%s-nowhere"}]}]}
            """
                .formatted(statement, run + "-kallas", nos, run));
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
    assertThat(refused.body()).contains("citations[0].reportedBy[0].sourceId");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                statement))
        .isZero();
  }

  private static String attributedTo(JsonNode prov, String entity) {
    for (JsonNode attribution : prov.get("wasAttributedTo")) {
      if (attribution.path("prov:entity").asText().equals(entity)) {
        return attribution.path("prov:agent").asText();
      }
    }
    return null;
  }

  private String registerSource(String id, String publisher, String text) throws Exception {
    post(
        "/api/sources",
        "key-" + id,
        JSON.createObjectNode()
            .put("sourceId", id)
            .put("publisher", publisher)
            .put("title", "A report")
            .put("language", "nl")
            .put("text", text)
            .toString());
    return id;
  }

  private void post(String path, String key, String body) throws Exception {
    HttpResponse<String> response = send(path, key, body);
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
  }

  private HttpResponse<String> send(String path, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
