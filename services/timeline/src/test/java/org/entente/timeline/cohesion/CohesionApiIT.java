package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Weight;
import org.entente.recorder.importing.NdjsonImporter;
import org.entente.timeline.cohesion.arithmetic.Channel;
import org.entente.timeline.cohesion.arithmetic.CohesionCalculator;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.CohesionPoint;
import org.entente.timeline.cohesion.arithmetic.InteractionResolver;
import org.entente.timeline.cohesion.arithmetic.Resolution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cohesion endpoints over HTTP, on real PostgreSQL, with the demo data set imported through the
 * recorder and projected into the read side's one fact store (see {@link CohesionTestData}): the
 * answer's shape and its agreement with a recomputation from the event store, pairs, what-if
 * parameters, asOf before and after a correction and a retraction, and the problems. The demo
 * scenario itself is {@link NatoDemoIT}.
 */
@CohesionBootTest
class CohesionApiIT {

  static final String NATO = "nato";
  static final Instant END_OF_13_FEB = Instant.parse("2025-02-14T00:00:00Z");

  @Autowired TestRestTemplate http;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired NdjsonImporter importer;
  @Autowired EventProcessingConfiguration processing;

  @BeforeEach
  void loadOnce() throws Exception {
    CohesionTestData.loadOnce(importer, eventStore, jdbc, processing);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode())
        .as(path + " " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private JsonNode problem(String path, HttpStatus status) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    return json.readTree(response.getBody());
  }

  /** The resolution computed from the event store's history in memory, without the projection. */
  private Resolution recomputed(CohesionParameters p) {
    return new InteractionResolver(HistoryFold.fold(CohesionTestData.storedHistory(eventStore)))
        .resolve(NATO, p);
  }

  private List<CohesionPoint> expected(CohesionParameters p, Channel channel, List<Instant> at) {
    Resolution r = recomputed(p);
    return new CohesionCalculator(p).series(r.interactions(), r.schedule(), channel, at, false);
  }

  private static void assertSamePoint(JsonNode actual, CohesionPoint expected) {
    assertThat(actual.get("at").asText()).isEqualTo(expected.at().toString());
    assertThat(actual.get("value").asDouble()).isCloseTo(expected.value(), within(1e-12));
    // the series is read from stored per-day sums decayed to the point, the recomputation decays
    // each pair to the point and adds them up: the same sums, rounded differently, so the sums
    // (hundreds here) agree to a relative 1e-12 (see StoredCohesionProperties for the bound)
    assertThat(actual.get("coverage").asDouble())
        .isCloseTo(expected.coverage(), within(1e-12 * Math.max(1, expected.coverage())));
    assertThat(actual.get("intensity").asDouble())
        .isCloseTo(expected.intensity(), within(1e-12 * Math.max(1, expected.intensity())));
    assertThat(actual.get("polarisation").asDouble())
        .isCloseTo(expected.polarisation(), within(1e-12));
    assertThat(actual.get("observedPairs").asInt()).isEqualTo(expected.observed());
    assertThat(actual.get("memberPairs").asInt()).isEqualTo(expected.memberPairs());
  }

  @Test
  void natoSeries_statesItsDefinition_andEqualsTheRecomputationFromTheEventStore()
      throws Exception {
    JsonNode body = get("/api/groups/nato/cohesion?from=2025-02-10&to=2025-02-16");

    assertThat(body.at("/group/id").asText()).isEqualTo("nato");
    assertThat(body.at("/group/name").asText()).isEqualTo("NATO");
    assertThat(body.at("/scale").asText()).isEqualTo("goldstein");
    assertThat(body.at("/scaleVersion").asText()).isEqualTo(Weight.GOLDSTEIN_VERSION);
    assertThat(body.at("/indicator").asText()).isEqualTo(CohesionViews.INDICATOR);
    assertThat(body.at("/whatIf").asBoolean()).isFalse();
    assertThat(body.at("/parameters/halfLifeDays").asDouble()).isEqualTo(30.0);
    assertThat(body.at("/parameters/k").asDouble()).isEqualTo(0.1);
    assertThat(body.at("/parameters/reliability/ANONYMOUS_DESCRIBED").asDouble()).isEqualTo(0.5);
    JsonNode points = body.get("points");
    JsonNode institution = body.get("institutionSeries");
    assertThat(points).hasSize(7);
    assertThat(institution).hasSize(7);
    List<Instant> ats = new ArrayList<>();
    for (JsonNode point : points) {
      ats.add(Instant.parse(point.get("at").asText()));
    }
    assertThat(points.get(3).get("time").asText()).isEqualTo("2025-02-13");
    assertThat(ats.get(3)).isEqualTo(END_OF_13_FEB);
    CohesionParameters p = CohesionParameters.defaults();
    List<CohesionPoint> pairs = expected(p, Channel.PAIR, ats);
    List<CohesionPoint> withInstitution = expected(p, Channel.INSTITUTION, ats);
    for (int i = 0; i < ats.size(); i++) {
      assertSamePoint(points.get(i), pairs.get(i));
      assertSamePoint(institution.get(i), withInstitution.get(i));
    }
    assertThat(points.get(3).get("memberPairs").asInt()).isEqualTo(32 * 31 / 2);
    assertThat(institution.get(3).get("memberPairs").asInt()).isEqualTo(32);
    assertThat(points.get(3).has("pairs")).isFalse();
    // member pairs: the meeting's 496, four statements by or to the 31 allies, Pistorius's one;
    // with the institution: the meeting's 32, the dinner, Rutte on the tone, "proud NATO member"
    assertThat(body.at("/evidence/interactions").asInt())
        .isEqualTo(recomputed(p).interactions().size())
        .isEqualTo(496 + 4 * 31 + 1 + 32 + 3);
    assertThat(body.at("/evidence/reciprocalDuplicates").asInt()).isZero();
  }

  @Test
  void pairs_areListedOnRequest_eachWithItsOwnShrunkAffinity() throws Exception {
    JsonNode point =
        get("/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13&pairs=true").at("/points/0");

    assertThat(point.get("pairs")).hasSize(496);
    double net = 0;
    double intensity = 0;
    for (JsonNode pair : point.get("pairs")) {
      assertThat(pair.get("a").asText()).isLessThan(pair.get("b").asText());
      assertThat(pair.get("affinity").asDouble())
          .isCloseTo(
              pair.get("net").asDouble() / (pair.get("intensity").asDouble() + 10 * 0.1),
              within(1e-12));
      net += pair.get("net").asDouble();
      intensity += pair.get("intensity").asDouble();
    }
    assertThat(intensity).isCloseTo(point.get("intensity").asDouble(), within(1e-9));
    assertThat(net / (intensity + 10 * 0.1 * 496))
        .isCloseTo(point.get("value").asDouble(), within(1e-12));
  }

  @Test
  void whatIf_recomputesWithOtherParameters_andLeavesTheProjectionAlone() throws Exception {
    long rows = count("tl_entry_version");
    String base = "/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13";
    double stored = get(base).at("/points/0/value").asDouble();

    JsonNode whatIf =
        get(
            base
                + "&halfLifeDays=7&k=0.5&reliability.ANONYMOUS_DESCRIBED=1.0&reliability.named_paraphrase=0.5");

    CohesionParameters p =
        CohesionParameters.defaults()
            .withHalfLifeDays(7)
            .withK(0.5)
            .withReliability(AttributionGrade.ANONYMOUS_DESCRIBED, 1.0)
            .withReliability(AttributionGrade.NAMED_PARAPHRASE, 0.5);
    double expected = expected(p, Channel.PAIR, List.of(END_OF_13_FEB)).get(0).value();
    assertThat(whatIf.at("/whatIf").asBoolean()).isTrue();
    assertThat(whatIf.at("/parameters/halfLifeDays").asDouble()).isEqualTo(7.0);
    assertThat(whatIf.at("/parameters/reliability/NAMED_PARAPHRASE").asDouble()).isEqualTo(0.5);
    assertThat(whatIf.at("/points/0/value").asDouble()).isCloseTo(expected, within(1e-12));
    assertThat(expected).isNotCloseTo(stored, within(1e-3));
    assertThat(get(base).at("/points/0/value").asDouble()).isEqualTo(stored);
    assertThat(count("tl_entry_version")).isEqualTo(rows);
  }

  @Test
  void whatIf_members_andScale() throws Exception {
    String base = "/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13";

    JsonNode duo = get(base + "&members=united-states,germany");
    JsonNode plover = get(base + "&scale=plover");

    CohesionParameters p =
        CohesionParameters.defaults().withMembers(Set.of("united-states", "germany"));
    double expected = expected(p, Channel.PAIR, List.of(END_OF_13_FEB)).get(0).value();
    assertThat(duo.at("/points/0/value").asDouble()).isCloseTo(expected, within(1e-12));
    assertThat(expected).isNegative();
    assertThat(duo.at("/points/0/observedPairs").asInt()).isEqualTo(1);
    assertThat(duo.at("/points/0/memberPairs").asInt()).isEqualTo(1);
    assertThat(duo.at("/parameters/members").toString())
        .isEqualTo("[\"germany\",\"united-states\"]");
    assertThat(plover.at("/scale").asText()).isEqualTo("plover");
    assertThat(plover.at("/points/0/value").asDouble()).isZero();
    assertThat(plover.at("/evidence/otherScale").asInt()).isGreaterThan(0);
  }

  @Test
  void asOf_givesTheSeriesAsKnownThen_beforeAndAfterACorrectionAndARetraction() throws Exception {
    String path = "/api/groups/duo/cohesion?from=2025-02-02&to=2025-02-02";
    double praise = 3.4 + 2.0;
    double d = Math.pow(2, -1.5 / 30); // from noon on 1 Feb to the end of 2 Feb
    double prior = 10 * 0.1; // one member pair, x–y

    double nothingYet = get(path + "&asOf=2025-03-01T09:00:00Z").at("/points/0/value").asDouble();
    double asRecorded = get(path + "&asOf=2025-03-01T12:00:00Z").at("/points/0/value").asDouble();
    double corrected = get(path + "&asOf=2025-03-02").at("/points/0/value").asDouble();
    double afterCorrection =
        get(path + "&asOf=2025-03-02T12:00:00Z").at("/points/0/value").asDouble();
    double now = get(path).at("/points/0/value").asDouble();

    assertThat(nothingYet).isZero();
    assertThat(asRecorded).isCloseTo(praise * d / (praise * d + prior), within(1e-12));
    assertThat(corrected).isEqualTo(asRecorded);
    assertThat(afterCorrection).isCloseTo((-2.0 + 2.0) * d / (4.0 * d + prior), within(1e-12));
    assertThat(now).isCloseTo(-2.0 * d / (2.0 * d + prior), within(1e-12));
    JsonNode before =
        get("/api/groups/duo/cohesion/2025-02-02/contributors?asOf=2025-03-01T12:00:00Z");
    assertThat(before.at("/contributors").findValuesAsText("statementId"))
        .containsExactly("duo-1", "duo-2");
    assertThat(before.at("/asOf").asText()).isEqualTo("2025-03-01T12:00:00Z");
  }

  @Test
  void unknownGroup_is404() throws Exception {
    JsonNode body = problem("/api/groups/nowhere/cohesion", HttpStatus.NOT_FOUND);
    assertThat(body.at("/errors/0/field").asText()).isEqualTo("id");
    problem("/api/groups/nowhere/cohesion/2025-02-13/contributors", HttpStatus.NOT_FOUND);
  }

  @Test
  void actorWithoutMembers_isNoGroup_404() throws Exception {
    JsonNode body = problem("/api/groups/united-states/cohesion", HttpStatus.NOT_FOUND);
    assertThat(body.at("/errors/0/reason").asText()).isEqualTo("a STATE has no members");
    problem("/api/groups/pete-hegseth/cohesion/2025-02-13/contributors", HttpStatus.NOT_FOUND);
  }

  @Test
  void badParameters_are400ProblemsNamingTheParameter() throws Exception {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put("resolution=hour", "resolution");
    cases.put("from=2025-13-01", "from");
    cases.put("from=2025-02-10&to=2025-02-01", "to");
    cases.put("asOf=yesterday", "asOf");
    cases.put("halfLifeDays=0", "halfLifeDays");
    cases.put("halfLifeDays=abc", "halfLifeDays");
    cases.put("k=-1", "k");
    cases.put("reliability.RUMOUR=0.2", "reliability.RUMOUR");
    cases.put("reliability.DIRECT_QUOTE=2", "reliability.DIRECT_QUOTE");
    cases.put("scale=richter", "scale");
    cases.put("members=,", "members");
    cases.put("pairs=maybe", "pairs");
    cases.put("observation=-1", "observation");
    cases.put("minShare=2", "minShare");
    cases.put("interval=maybe", "interval");
    cases.put("plain=maybe", "plain");
    // a window named in full that does not fit its named resolution: the resolution is named
    cases.put("from=1900-01-01&to=2025-01-01&resolution=day", "resolution");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      JsonNode body = problem("/api/groups/nato/cohesion?" + c.getKey(), HttpStatus.BAD_REQUEST);
      assertThat(body.at("/errors/0/field").asText()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(body.at("/status").asInt()).isEqualTo(400);
    }
    // without a resolution the same window is answered at one that fits, and says so
    JsonNode coarse = get("/api/groups/nato/cohesion?from=1900-01-01&to=2025-01-01");
    assertThat(coarse.at("/window/resolution").asText()).isEqualTo("month");
    assertThat(coarse.at("/window/defaulted/0").asText()).isEqualTo("resolution");
    assertThat(coarse.get("points")).hasSize(1501);
    assertThat(
            problem("/api/groups/nato/cohesion/13-02-2025/contributors", HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("time");
    assertThat(
            problem(
                    "/api/groups/nato/cohesion/2025-02-13/contributors?limit=0",
                    HttpStatus.BAD_REQUEST)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("limit");
  }

  @Test
  void cohesion_readsTheOneFactStore_andKeepsNoTablesOfItsOwn() {
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'timeline-a'"
                    + " AND token IS NOT NULL",
                Long.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'cohesion%'",
                Long.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'cohesion'", Long.class))
        .isZero();
  }
}
