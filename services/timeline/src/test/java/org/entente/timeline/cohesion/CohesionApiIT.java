package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.entente.api.actor.ActorEvent;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.MetadataKeys;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventEvent;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementEvent;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.timeline.TimelineTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The cohesion endpoints over HTTP, on real PostgreSQL, with events stored in the event store and
 * projected by the "cohesion" processor: the demo's NATO series and contributors, what-if
 * parameters, asOf before and after a correction and a retraction, and the problems.
 */
@SpringBootTest(
    classes = TimelineTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class CohesionApiIT {

  static final String DUO = "duo";
  static final Instant DUO_RECORDED = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant DUO_CORRECTED = Instant.parse("2025-03-02T10:00:00Z");
  static final Instant DUO_RETRACTED = Instant.parse("2025-03-03T10:00:00Z");

  private static boolean published;

  @Autowired TestRestTemplate http;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  @BeforeEach
  void publishOnce() throws InterruptedException {
    if (published) {
      return;
    }
    List<Recorded> all = new ArrayList<>(NatoScenario.events());
    all.addAll(duo());
    Map<String, Long> sequences = new HashMap<>();
    List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
    for (Recorded r : all) {
      String aggregate = aggregateOf(r.payload());
      long seq = sequences.merge(aggregate, 1L, Long::sum) - 1;
      messages.add(
          new GenericDomainEventMessage<>(
              r.payload().getClass().getSimpleName(),
              aggregate,
              seq,
              r.payload(),
              MetaData.with(MetadataKeys.RECORDED_AT, r.recordedAt().toString())));
    }
    eventStore.publish(messages);
    long versions =
        all.stream()
            .filter(
                r ->
                    r.payload() instanceof StatementEvent
                        || r.payload() instanceof DiplomaticEventEvent)
            .count();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (count("cohesion_fact_version") < versions || count("cohesion_membership") < 65) {
      assertThat(Instant.now()).as("projection caught up").isBefore(deadline);
      Thread.sleep(100);
    }
    published = true;
  }

  /** Two states; praise recorded, then corrected to criticism, then a second praise retracted. */
  static List<Recorded> duo() {
    List<Recorded> r = new ArrayList<>();
    Instant t = DUO_RECORDED;
    r.add(
        new Recorded(
            new ActorRegistered(DUO, ActorKind.GROUP, "Duo", List.of(), Map.of()), t, "d0"));
    for (String s : List.of("x", "y")) {
      r.add(
          new Recorded(
              new ActorRegistered(s, ActorKind.STATE, s, List.of(), Map.of()), t, "d" + r.size()));
      r.add(
          new Recorded(
              new MembershipRecorded(s, DUO, java.time.LocalDate.parse("2020-01-01"), null),
              t,
              "d" + r.size()));
    }
    Citation quote = new Citation("src", null, AttributionGrade.DIRECT_QUOTE);
    r.add(new Recorded(statement("duo-1", 3.4), t, "d" + r.size()));
    r.add(new Recorded(statement("duo-2", 2.0), t, "d" + r.size()));
    r.add(
        new Recorded(
            new StatementCorrected(
                "duo-1",
                List.of("weight", "stance"),
                null,
                null,
                null,
                null,
                Stance.CRITICISM,
                null,
                Weight.goldstein(-2.0),
                null,
                null,
                null,
                "misread"),
            DUO_CORRECTED,
            "d" + r.size()));
    r.add(
        new Recorded(new StatementRetracted("duo-2", "never said"), DUO_RETRACTED, "d" + r.size()));
    assertThat(quote.grade()).isEqualTo(AttributionGrade.DIRECT_QUOTE);
    return r;
  }

  private static StatementRecorded statement(String id, double weight) {
    return new StatementRecorded(
        id,
        "x",
        null,
        List.of("y"),
        EventTime.instant(Instant.parse("2025-02-01T12:00:00Z")),
        Stance.PRAISE,
        "051",
        Weight.goldstein(weight),
        null,
        List.of(),
        new LocalizedText("en", "words"),
        List.of(),
        List.of(new Citation("src", null, AttributionGrade.DIRECT_QUOTE)));
  }

  private static String aggregateOf(Object payload) {
    if (payload instanceof ActorEvent a) {
      return a.actorId();
    }
    if (payload instanceof StatementEvent s) {
      return s.statementId();
    }
    return ((DiplomaticEventEvent) payload).eventId();
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

  /** The same numbers computed from the history in memory, with the documented formula. */
  private static CohesionPoint expected(
      List<Recorded> history, String group, CohesionParameters p, Instant at) {
    Resolution r = new InteractionResolver(HistoryFold.fold(history)).resolve(group, p);
    return new CohesionCalculator(p)
        .series(r.interactions(), r.schedule(), Channel.PAIR, List.of(at), false)
        .get(0);
  }

  @Test
  void natoSeries_fallsOnThe13th_withRisingPolarisation_andStatesItsScale() throws Exception {
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
    assertThat(points).hasSize(7);
    JsonNode before = points.get(2);
    JsonNode the13th = points.get(3);
    assertThat(before.get("time").asText()).isEqualTo("2025-02-12");
    assertThat(the13th.get("time").asText()).isEqualTo("2025-02-13");
    assertThat(the13th.get("at").asText()).isEqualTo("2025-02-14T00:00:00Z");
    assertThat(the13th.get("value").asDouble()).isLessThan(before.get("value").asDouble());
    assertThat(the13th.get("polarisation").asDouble())
        .isGreaterThan(before.get("polarisation").asDouble());
    CohesionPoint expected =
        expected(
            NatoScenario.events(),
            NatoScenario.NATO,
            CohesionParameters.defaults(),
            Instant.parse("2025-02-14T00:00:00Z"));
    assertThat(the13th.get("value").asDouble()).isCloseTo(expected.value(), within(1e-12));
    assertThat(the13th.get("coverage").asDouble()).isCloseTo(expected.coverage(), within(1e-12));
    assertThat(the13th.get("observedPairs").asInt()).isEqualTo(496);
    assertThat(the13th.has("pairs")).isFalse();
    // 590 member pairs and 35 member-institution pairs (dinner, tone, commitment, meeting)
    assertThat(body.at("/evidence/interactions").asInt()).isEqualTo(625);
    assertThat(body.get("institutionSeries")).hasSize(7);
    assertThat(body.at("/institutionSeries/3/observedPairs").asInt()).isEqualTo(32);
  }

  @Test
  void theWorkedExampleOfTheDocs_isWhatTheApiAnswers() throws Exception {
    JsonNode point = get("/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13").at("/points/0");
    JsonNode contributors = get("/api/groups/nato/cohesion/2025-02-13/contributors?limit=5");

    // the numbers printed in docs/cohesion.md, "Worked example"
    assertThat(point.get("value").asDouble()).isCloseTo(-0.138114, within(5e-7));
    assertThat(point.get("coverage").asDouble()).isCloseTo(65.129192, within(5e-7));
    assertThat(point.get("polarisation").asDouble()).isEqualTo(0.0625);
    assertThat(contributors.get("denominator").asDouble()).isCloseTo(1147.291924, within(5e-7));
    assertThat(contributors.at("/contributors/0/contribution").asDouble())
        .isCloseTo(-0.105612, within(5e-7));
    assertThat(contributors.at("/contributors/1/contribution").asDouble())
        .isCloseTo(-0.026403, within(5e-7));
  }

  @Test
  void contributors_ofThe13th_areTheDemandAndTheCriticism_withTheirSources() throws Exception {
    JsonNode body = get("/api/groups/nato/cohesion/2025-02-13/contributors?limit=3");

    assertThat(body.at("/at").asText()).isEqualTo("2025-02-14T00:00:00Z");
    JsonNode top = body.get("contributors");
    assertThat(top).hasSize(3);
    assertThat(top.get(0).get("statementId").asText()).isEqualTo(NatoScenario.DEMAND);
    assertThat(top.get(0).get("kind").asText()).isEqualTo("STATEMENT");
    assertThat(top.get(0).get("interactions").asInt()).isEqualTo(31);
    assertThat(top.get(0).at("/weights/1042").asDouble()).isEqualTo(-5.0);
    assertThat(top.get(0).at("/sources/0/sourceId").asText()).isEqualTo(NatoScenario.SOURCE);
    assertThat(top.get(0).at("/sources/0/grade").asText()).isEqualTo("NAMED_PARAPHRASE");
    assertThat(top.get(1).get("statementId").asText()).isEqualTo(NatoScenario.CRITICISM);
    assertThat(top.get(1).get("eventId").asText()).isEqualTo(NatoScenario.MEETING);
    assertThat(top.get(1).at("/sources/0/grade").asText()).isEqualTo("ANONYMOUS_DESCRIBED");
    assertThat(top.get(1).get("reliability").asDouble()).isEqualTo(0.5);
    assertThat(top.get(2).get("statementId").asText()).isEqualTo(NatoScenario.RESET);
    assertThat(body.at("/institutionContributors/0/statementId").asText())
        .isEqualTo(NatoScenario.PROUD);
  }

  @Test
  void pairs_areListedOnRequest() throws Exception {
    JsonNode point =
        get("/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13&pairs=true").at("/points/0");

    assertThat(point.get("pairs")).hasSize(496);
    JsonNode deUs = null;
    for (JsonNode pair : point.get("pairs")) {
      if (pair.get("a").asText().equals("de") && pair.get("b").asText().equals("us")) {
        deUs = pair;
      }
    }
    assertThat(deUs).isNotNull();
    // the documented example pair: criticism, demand, reset, Pistorius and the meeting
    assertThat(deUs.get("affinity").asDouble()).isCloseTo(-0.2275815, within(5e-8));
    assertThat(deUs.get("weight").asDouble()).isCloseTo(2.8352445, within(5e-8));
    assertThat(deUs.get("net").asDouble()).isCloseTo(-6.6800728, within(5e-8));
  }

  @Test
  void whatIf_recomputesWithOtherParameters_andLeavesTheProjectionAlone() throws Exception {
    long rows = count("cohesion_fact_version");
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
    double expected =
        expected(NatoScenario.events(), NatoScenario.NATO, p, Instant.parse("2025-02-14T00:00:00Z"))
            .value();
    assertThat(whatIf.at("/whatIf").asBoolean()).isTrue();
    assertThat(whatIf.at("/parameters/halfLifeDays").asDouble()).isEqualTo(7.0);
    assertThat(whatIf.at("/parameters/reliability/NAMED_PARAPHRASE").asDouble()).isEqualTo(0.5);
    assertThat(whatIf.at("/points/0/value").asDouble()).isCloseTo(expected, within(1e-12));
    assertThat(expected).isNotCloseTo(stored, within(1e-3));
    assertThat(get(base).at("/points/0/value").asDouble()).isEqualTo(stored);
    assertThat(count("cohesion_fact_version")).isEqualTo(rows);
  }

  @Test
  void whatIf_members_andScale() throws Exception {
    String base = "/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13";

    JsonNode duo = get(base + "&members=us,de");
    JsonNode plover = get(base + "&scale=plover");

    double expected =
        expected(
                NatoScenario.events(),
                NatoScenario.NATO,
                CohesionParameters.defaults().withMembers(Set.of("us", "de")),
                Instant.parse("2025-02-14T00:00:00Z"))
            .value();
    assertThat(duo.at("/points/0/value").asDouble()).isCloseTo(expected, within(1e-12));
    assertThat(duo.at("/points/0/observedPairs").asInt()).isEqualTo(1);
    assertThat(duo.at("/parameters/members").toString()).isEqualTo("[\"de\",\"us\"]");
    assertThat(plover.at("/scale").asText()).isEqualTo("plover");
    assertThat(plover.at("/points/0/value").asDouble()).isZero();
    assertThat(plover.at("/evidence/otherScale").asInt()).isGreaterThan(0);
  }

  @Test
  void asOf_givesTheSeriesAsKnownThen_beforeAndAfterACorrectionAndARetraction() throws Exception {
    String path = "/api/groups/duo/cohesion?from=2025-02-02&to=2025-02-02";
    double praise = 3.4 + 2.0;
    double d = Math.pow(2, -1.5 / 30); // from noon on 1 Feb to the end of 2 Feb
    double k = 0.1;

    double nothingYet = get(path + "&asOf=2025-03-01T09:00:00Z").at("/points/0/value").asDouble();
    double asRecorded = get(path + "&asOf=2025-03-01T12:00:00Z").at("/points/0/value").asDouble();
    double corrected = get(path + "&asOf=2025-03-02").at("/points/0/value").asDouble();
    double afterCorrection =
        get(path + "&asOf=2025-03-02T12:00:00Z").at("/points/0/value").asDouble();
    double now = get(path).at("/points/0/value").asDouble();

    assertThat(nothingYet).isZero();
    assertThat(asRecorded).isCloseTo(praise * d / (10 * (2 * d + k)), within(1e-12));
    assertThat(corrected).isEqualTo(asRecorded);
    assertThat(afterCorrection).isCloseTo((-2.0 + 2.0) * d / (10 * (2 * d + k)), within(1e-12));
    assertThat(now).isCloseTo(-2.0 * d / (10 * (d + k)), within(1e-12));
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
    cases.put("from=1900-01-01&to=2025-01-01", "from");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      JsonNode body = problem("/api/groups/nato/cohesion?" + c.getKey(), HttpStatus.BAD_REQUEST);
      assertThat(body.at("/errors/0/field").asText()).as(c.getKey()).isEqualTo(c.getValue());
      assertThat(body.at("/status").asInt()).isEqualTo(400);
    }
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
  void theProjection_keepsItsTokenInTheTokenStore() {
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'cohesion' AND token IS NOT NULL",
                Long.class))
        .isPositive();
  }
}
