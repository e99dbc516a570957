package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
import org.entente.recorder.importing.NdjsonImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The objections an analyst raised (issue 12), each as a scenario over HTTP, on a "forum" of four
 * states with a twenty-year history: a quarrel in 2005, then in February 2025 one declaration
 * recorded as per-member statements made at one occasion, a praise and a criticism.
 */
@CohesionBootTest
class AnalystScenarioIT {

  static final String FORUM = "forum";
  static final List<String> MEMBERS = List.of("fa", "fb", "fc", "fd");
  static final Instant RECORDED = Instant.parse("2025-03-01T10:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired NdjsonImporter importer;
  @Autowired EventProcessingConfiguration processing;

  @BeforeEach
  void loadOnce() throws Exception {
    CohesionTestData.loadOnce(importer, eventStore, jdbc, processing);
    synchronized (AnalystScenarioIT.class) {
      Long loaded =
          jdbc.queryForObject(
              "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
              Long.class,
              FORUM);
      if (loaded == 0) {
        CohesionTestData.publish(eventStore, forum());
      }
    }
    CohesionTestData.awaitProjection(eventStore, processing);
  }

  private static List<Recorded> forum() {
    List<Recorded> r = new ArrayList<>();
    r.add(rec(new ActorRegistered(FORUM, ActorKind.GROUP, "Forum", List.of(), Map.of()), r));
    for (String m : MEMBERS) {
      r.add(rec(new ActorRegistered(m, ActorKind.STATE, m, List.of(), Map.of()), r));
      r.add(rec(new MembershipRecorded(m, FORUM, LocalDate.parse("2004-01-01"), null), r));
    }
    r.add(rec(said("forum-2005-quarrel", "fa", List.of("fb"), null, "2005-03-01", "111", -2.0), r));
    // one declaration, each member's statement of it addressed to the three others
    for (String m : MEMBERS) {
      List<String> others = MEMBERS.stream().filter(o -> !o.equals(m)).toList();
      r.add(
          rec(said("forum-declares-" + m, m, others, "forum-summit", "2025-02-10", "057", 8.0), r));
    }
    r.add(rec(said("forum-praise", "fc", List.of("fd"), null, "2025-02-11", "051", 3.4), r));
    r.add(rec(said("forum-criticism", "fb", List.of("fc"), null, "2025-02-12", "111", -2.0), r));
    return r;
  }

  private static Recorded rec(Object payload, List<Recorded> so) {
    return new Recorded(payload, RECORDED, "forum-" + so.size());
  }

  private static StatementRecorded said(
      String id,
      String speaker,
      List<String> targets,
      String eventId,
      String day,
      String code,
      double weight) {
    return new StatementRecorded(
        id,
        speaker,
        eventId,
        targets,
        EventTime.instant(Instant.parse(day + "T00:00:00Z")),
        weight > 0 ? Stance.PRAISE : Stance.CRITICISM,
        code,
        Weight.goldstein(weight),
        null,
        List.of(),
        new LocalizedText("en", "words"),
        List.of(),
        List.of(new Citation("src", null, AttributionGrade.DIRECT_QUOTE)));
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode())
        .as(path + " " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static List<String> statementIds(JsonNode contributors) {
    List<String> ids = new ArrayList<>();
    contributors.forEach(c -> ids.add(c.path("statementId").asText()));
    return ids;
  }

  /** θ is a what-if parameter like the others: echoed, and the answer computed, not stored. */
  @Test
  void theObservationThreshold_isAWhatIf() throws Exception {
    JsonNode never = get("/api/groups/forum/cohesion?from=2025-02-01&to=2025-02-01&observation=0");
    JsonNode defaults = get("/api/groups/forum/cohesion?from=2025-02-01&to=2025-02-01");

    assertThat(never.get("whatIf").asBoolean()).isTrue();
    assertThat(never.at("/parameters/observation").asDouble()).isZero();
    assertThat(defaults.at("/parameters/observation").asDouble()).isEqualTo(1e-4);
    // on 1 Feb 2025 only the 2005 quarrel has happened: forgotten, unless θ = 0
    assertThat(defaults.at("/points/0/observedPairs").asInt()).isZero();
    assertThat(defaults.at("/points/0/polarisation").asDouble()).isZero();
    assertThat(never.at("/points/0/observedPairs").asInt()).isEqualTo(1);
    assertThat(never.at("/points/0/polarisation").asDouble()).isEqualTo(1.0);
  }

  /** Found 2: records whose contribution decayed to nothing were listed years later. */
  @Test
  void contributorLists_leaveOutWhatDecayedToNothing_andSayHowManyTheyLeftOut() throws Exception {
    JsonNode body = get("/api/groups/forum/cohesion/2025-02-11/contributors?limit=100");

    assertThat(statementIds(body.get("contributors"))).doesNotContain("forum-2005-quarrel");
    assertThat(body.get("omitted").asInt()).isEqualTo(1);
    assertThat(body.get("omittedContribution").asDouble()).isNegative().isGreaterThan(-1e-30);
    assertThat(body.get("minShare").asDouble()).isEqualTo(0.001);
    double listed = 0;
    for (JsonNode c : body.get("contributors")) {
      listed += c.get("contribution").asDouble();
    }
    assertThat(listed + body.get("omittedContribution").asDouble())
        .isCloseTo(body.get("value").asDouble(), within(1e-12));

    JsonNode everything = get("/api/groups/forum/cohesion/2025-02-11/contributors?minShare=0");
    assertThat(everything.get("omitted").asInt()).isZero();
    assertThat(statementIds(everything.get("contributors"))).contains("forum-2005-quarrel");
  }

  /**
   * Found 4: with per-member statements of one declaration, the first state in the alphabet took
   * the credit of every pair it was on. Each of the four statements shares each of its three pairs
   * with the other side's statement: the same credit, and each shown as merged.
   */
  @Test
  void theCreditOfMergedReciprocalRecords_isSplitBetweenThem() throws Exception {
    JsonNode body = get("/api/groups/forum/cohesion/2025-02-11/contributors?limit=100");

    List<JsonNode> declarations = new ArrayList<>();
    body.get("contributors")
        .forEach(
            c -> {
              if (c.path("statementId").asText().startsWith("forum-declares-")) {
                declarations.add(c);
              }
            });
    assertThat(declarations).hasSize(4);
    double first = declarations.get(0).get("contribution").asDouble();
    // six pairs, one interaction each (8.0 at reliability 1, two days old at the end of the 11th)
    double d2 = Math.pow(2, -2.0 / 30);
    double denominator = body.get("denominator").asDouble();
    for (JsonNode c : declarations) {
      assertThat(c.get("contribution").asDouble()).isCloseTo(first, within(1e-12));
      assertThat(c.get("contribution").asDouble())
          .isCloseTo(1.5 * 8.0 * d2 / denominator, within(1e-12));
      assertThat(c.get("merged").asBoolean()).isTrue();
      assertThat(c.get("mergedWith")).hasSize(3);
    }
  }

  /** Found 5: over a long history the default series answered 400 naming "from". */
  @Test
  void theDefaultSeries_overTwentyYears_fitsTheCap_andSaysWhatItChose() throws Exception {
    JsonNode body = get("/api/groups/forum/cohesion");

    assertThat(body.get("resolution").asText()).isEqualTo("week");
    assertThat(body.at("/window/resolution").asText()).isEqualTo("week");
    assertThat(body.at("/window/defaulted"))
        .extracting(JsonNode::asText)
        .containsExactly("from", "to", "resolution");
    assertThat(body.at("/window/truncated").asBoolean()).isFalse();
    JsonNode points = body.get("points");
    assertThat(points.size()).isBetween(1000, 5000);
    // from the week of a week before the first interaction to 30 days after the last
    assertThat(points.get(0).get("time").asText()).isEqualTo("2005-02-21");
    assertThat(points.get(points.size() - 1).get("time").asText()).isEqualTo("2025-03-10");
  }

  @Test
  void theDefaultWindow_atAnExplicitDailyResolution_keepsTheLatestPoints_andPagesBack()
      throws Exception {
    JsonNode body = get("/api/groups/forum/cohesion?resolution=day");

    JsonNode points = body.get("points");
    assertThat(points).hasSize(5000);
    assertThat(points.get(points.size() - 1).get("time").asText()).isEqualTo("2025-03-14");
    assertThat(body.at("/window/truncated").asBoolean()).isTrue();
    LocalDate earlierTo = LocalDate.parse(body.at("/window/earlierTo").asText());
    assertThat(earlierTo.plusDays(1).toString()).isEqualTo(points.get(0).get("time").asText());

    JsonNode before = get("/api/groups/forum/cohesion?resolution=day&to=" + earlierTo);
    assertThat(before.get("points").get(before.get("points").size() - 1).get("time").asText())
        .isEqualTo(earlierTo.toString());
  }

  /** Uncertainty: a band around each point, the same whatever window it is asked in. */
  @Test
  void aPointCarriesABootstrapBand_reproducibly() throws Exception {
    JsonNode narrow =
        get("/api/groups/forum/cohesion?from=2025-02-12&to=2025-02-12&interval=true")
            .at("/points/0");
    JsonNode wide =
        get("/api/groups/forum/cohesion?from=2025-02-01&to=2025-02-20&interval=true")
            .at("/points/11");

    assertThat(wide.get("time").asText()).isEqualTo("2025-02-12");
    double value = narrow.get("value").asDouble();
    double low = narrow.at("/interval/low").asDouble();
    double high = narrow.at("/interval/high").asDouble();
    assertThat(low).isLessThan(high).isLessThanOrEqualTo(value).isGreaterThan(-1);
    assertThat(high).isGreaterThanOrEqualTo(value).isLessThan(1);
    assertThat(narrow.at("/interval/level").asDouble()).isEqualTo(0.9);
    assertThat(narrow.at("/interval/samples").asInt()).isEqualTo(200);
    assertThat(wide.at("/interval/low").asDouble()).isEqualTo(low);
    assertThat(wide.at("/interval/high").asDouble()).isEqualTo(high);
    // without interval=true, no band
    assertThat(
            get("/api/groups/forum/cohesion?from=2025-02-12&to=2025-02-12")
                .at("/points/0")
                .has("interval"))
        .isFalse();
  }

  /** The literature's plain measures on the same buckets. */
  @Test
  void plainMeasures_meanGoldsteinAndQuadClasses_onTheSameBuckets() throws Exception {
    JsonNode week =
        get("/api/groups/forum/cohesion?from=2025-02-10&to=2025-02-16&resolution=week&plain=true")
            .at("/points/0");

    // the four declaration statements (057, every record once), the praise (051), the criticism
    JsonNode plain = week.get("plain");
    assertThat(plain.get("records").asInt()).isEqualTo(6);
    assertThat(plain.get("meanWeight").asDouble())
        .isCloseTo((4 * 8.0 + 3.4 - 2.0) / 6, within(1e-12));
    assertThat(plain.get("verbalCooperation").asInt()).isEqualTo(5);
    assertThat(plain.get("verbalConflict").asInt()).isEqualTo(1);
    assertThat(plain.get("cooperativeShare").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(plain.get("conflictualShare").asDouble()).isCloseTo(1.0 / 6, within(1e-12));

    JsonNode quarrel =
        get("/api/groups/forum/cohesion?from=2005-03-01&to=2005-03-01&plain=true")
            .at("/points/0/plain");
    assertThat(quarrel.get("records").asInt()).isEqualTo(1);
    assertThat(quarrel.get("meanWeight").asDouble()).isEqualTo(-2.0);
    assertThat(quarrel.get("conflictualShare").asDouble()).isEqualTo(1.0);
  }
}
