package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.recorder.importing.NdjsonImporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo scenario (services/standalone's demo data set: the NOS report on the NATO defence
 * ministers' meeting in Brussels, 12–13 February 2025), imported through the recorder into a fresh
 * database and read over HTTP: NATO's cohesion falls below its level before, polarisation rises,
 * and the demands and criticisms move it most. Every expected number is worked out here from the
 * formula of docs/cohesion.md, term by term, from what the demo records say.
 */
@CohesionBootTest
class NatoDemoIT {

  // parameters (docs/cohesion.md, "Parameters and defaults")
  private static final double K = 0.1;
  private static final double NAMED_PARAPHRASE = 0.8;
  private static final double ANONYMOUS_DESCRIBED = 0.5;
  private static final double ANONYMOUS_UNDESCRIBED = 0.4;
  private static final double ALLEGED_UNCONFIRMED = 0.3;

  /** Decay at the end of 13 Feb of the records of the 13th (one day) and of the 12th (two). */
  private static final double D1 = Math.pow(2, -1.0 / 30);

  private static final double D2 = Math.pow(2, -2.0 / 30);

  /** NATO's 32 members in February 2025; the 31 "European allies and Canada" are all but the US. */
  private static final int MEMBERS = 32;

  private static final int ALLIES = 31;
  private static final int MEMBER_PAIRS = MEMBERS * (MEMBERS - 1) / 2;

  /**
   * The ministers' meeting (12 Feb, named paraphrase): 32 members and NATO itself (host, with
   * Rutte) are 33 parties, so 528 pairs share one interaction; between members (both attendees)
   * CAMEO 044 +2.5, between NATO (host) and a member 043 +2.8.
   */
  private static final int MEETING_PAIRS = 33 * 32 / 2;

  private static final double MEETING_PER_MEMBER_PAIR = NAMED_PARAPHRASE / MEETING_PAIRS * 2.5;
  private static final double MEETING_PER_MEMBER = NAMED_PARAPHRASE / MEETING_PAIRS * 2.8;

  // the records of 13 Feb on member pairs: reliability × weight, summed over their pairs
  /** Hegseth (the US): a "reset", DEMAND 1042 −5.0, to the 31 allies. */
  private static final double RESET = ALLIES * NAMED_PARAPHRASE * -5.0;

  /** Trump (the US): 5% of GDP, DEMAND 1042 −5.0, to the 31 allies. */
  private static final double FIVE_PERCENT = ALLIES * NAMED_PARAPHRASE * -5.0;

  /** The allies' criticism conveyed to Hegseth, "NATO sources report": CRITICISM 111 −2.0. */
  private static final double CONVEYED = ALLIES * ANONYMOUS_DESCRIBED * -2.0;

  /** "Insiders say" the harsh words damaged the alliance: CRITICISM 111 −2.0, allies → US. */
  private static final double INSIDERS = ALLIES * ANONYMOUS_UNDESCRIBED * -2.0;

  /** Pistorius (Germany) on US concessions to Russia: CRITICISM 111 −2.0. */
  private static final double PISTORIUS = NAMED_PARAPHRASE * -2.0;

  // Kallas speaks for the EU, no NATO member; the speech and the family photo are no interactions

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

  private JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = http.getForEntity(path, String.class);
    assertThat(response.getStatusCode())
        .as(path + " " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  /** Σ S at the end of the 13th; Σ A is the same with every weight taken as its size. */
  private static double net13() {
    return D1 * (RESET + FIVE_PERCENT + CONVEYED + INSIDERS + PISTORIUS)
        + D2 * MEMBER_PAIRS * MEETING_PER_MEMBER_PAIR;
  }

  private static double intensity13() {
    return D1 * -(RESET + FIVE_PERCENT + CONVEYED + INSIDERS + PISTORIUS)
        + D2 * MEMBER_PAIRS * MEETING_PER_MEMBER_PAIR;
  }

  private static double denominator13() {
    return intensity13() + 10 * K * MEMBER_PAIRS;
  }

  @Test
  void natoCohesion_fallsOnThe13th_belowItsLevelBefore_andPolarisationRises() throws Exception {
    JsonNode points = get("/api/groups/nato/cohesion?from=2025-02-11&to=2025-02-13").get("points");
    JsonNode the11th = points.get(0);
    JsonNode the12th = points.get(1);
    JsonNode the13th = points.get(2);

    // at the end of the 11th nothing has happened yet
    assertThat(the11th.get("value").asDouble()).isZero();
    assertThat(the11th.get("polarisation").asDouble()).isZero();
    // the 12th: the meeting only, one day old
    double meeting = D1 * MEMBER_PAIRS * MEETING_PER_MEMBER_PAIR;
    assertThat(the12th.get("value").asDouble())
        .isCloseTo(meeting / (meeting + 10 * K * MEMBER_PAIRS), within(1e-12));
    assertThat(the12th.get("polarisation").asDouble()).isZero();
    // the 13th: the demands and criticisms
    assertThat(the13th.get("at").asText()).isEqualTo("2025-02-14T00:00:00Z");
    assertThat(the13th.get("memberPairs").asInt()).isEqualTo(MEMBER_PAIRS);
    assertThat(the13th.get("intensity").asDouble()).isCloseTo(intensity13(), within(1e-9));
    assertThat(the13th.get("value").asDouble()).isCloseTo(net13() / denominator13(), within(1e-12));
    // the 31 pairs with the US turned negative; every other pair only met
    assertThat(the13th.get("polarisation").asDouble())
        .isCloseTo((double) ALLIES / MEMBER_PAIRS, within(1e-12));

    assertThat(the13th.get("value").asDouble())
        .isLessThan(the11th.get("value").asDouble())
        .isLessThan(the12th.get("value").asDouble());
    assertThat(the13th.get("polarisation").asDouble())
        .isGreaterThan(the11th.get("polarisation").asDouble())
        .isGreaterThan(the12th.get("polarisation").asDouble());
  }

  /**
   * The demands and criticisms are the top contributors. Hegseth's "reset" is recorded as a demand
   * of the same code, weight and grade as Trump's 5%, on the same 31 pairs, so the two demands tie
   * for first (ordered by record id), ahead of the criticism conveyed to Hegseth and the insiders'.
   */
  @Test
  void theStoredSeries_onceRefreshed_answersTheSameNumbers() throws Exception {
    // the projection only marked NATO dirty; the refresher stores its states within a second or so
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!natoStoredAndClean()) {
      assertThat(System.nanoTime()).as("NATO's stored cohesion refreshed").isLessThan(deadline);
      Thread.sleep(200);
    }
    JsonNode the13th =
        get("/api/groups/nato/cohesion?from=2025-02-11&to=2025-02-13").get("points").get(2);
    assertThat(the13th.get("memberPairs").asInt()).isEqualTo(MEMBER_PAIRS);
    assertThat(the13th.get("intensity").asDouble()).isCloseTo(intensity13(), within(1e-9));
    assertThat(the13th.get("value").asDouble()).isCloseTo(net13() / denominator13(), within(1e-12));
    assertThat(the13th.get("polarisation").asDouble())
        .isCloseTo((double) ALLIES / MEMBER_PAIRS, within(1e-12));
  }

  /** Whether the live slot holds NATO's states and no batch has marked them out of date since. */
  private boolean natoStoredAndClean() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from tl_cohesion_summary s join tl_projection_state t"
                + " on t.live_slot = s.slot where s.group_id = 'nato')"
                + " and not exists (select 1 from tl_cohesion_dirty where group_id = 'nato')",
            Boolean.class));
  }

  @Test
  void theDemandsAndTheCriticisms_areTheTopContributors() throws Exception {
    JsonNode body = get("/api/groups/nato/cohesion/2025-02-13/contributors?limit=10");
    JsonNode top = body.get("contributors");

    List<String> ids = new ArrayList<>();
    top.forEach(c -> ids.add(c.hasNonNull("statementId") ? c.get("statementId").asText() : null));
    assertThat(ids.subList(0, 4))
        .containsExactly(
            "hegseth-reset",
            "trump-five-percent",
            "allies-criticism-conveyed-to-hegseth",
            "insiders-deterrence-damaged");
    assertThat(top.get(0).get("label").asText()).startsWith("DEMAND 1042");
    assertThat(top.get(1).get("label").asText()).startsWith("DEMAND 1042");
    assertThat(top.get(2).get("label").asText()).startsWith("CRITICISM 111");
    assertThat(top.get(3).get("label").asText()).startsWith("CRITICISM 111");
    double d = denominator13();
    assertThat(body.get("denominator").asDouble()).isCloseTo(d, within(1e-9));
    assertThat(top.get(0).get("contribution").asDouble()).isCloseTo(D1 * RESET / d, within(1e-12));
    assertThat(top.get(1).get("contribution").asDouble())
        .isCloseTo(D1 * FIVE_PERCENT / d, within(1e-12));
    assertThat(top.get(2).get("contribution").asDouble())
        .isCloseTo(D1 * CONVEYED / d, within(1e-12));
    assertThat(top.get(2).get("eventId").asText()).isEqualTo("nato-defence-ministers-2025-02");
    assertThat(top.get(2).get("grade").asText()).isEqualTo("ANONYMOUS_DESCRIBED");
    assertThat(top.get(2).at("/sources/0/sourceId").asText())
        .isEqualTo("nos-2025-02-13-navo-defensieministers");
    assertThat(top.get(3).get("contribution").asDouble())
        .isCloseTo(D1 * INSIDERS / d, within(1e-12));
    // then the meeting (positive) and Pistorius: six records in all, adding up to the value
    assertThat(top).hasSize(6);
    assertThat(top.get(4).get("eventId").asText()).isEqualTo("nato-defence-ministers-2025-02");
    assertThat(top.get(4).get("contribution").asDouble())
        .isCloseTo(D2 * MEMBER_PAIRS * MEETING_PER_MEMBER_PAIR / d, within(1e-12));
    assertThat(top.get(5).get("statementId").asText())
        .isEqualTo("pistorius-us-concessions-to-russia");
    double sum = 0;
    for (JsonNode c : top) {
      sum += c.get("contribution").asDouble();
    }
    assertThat(sum).isCloseTo(body.get("value").asDouble(), within(1e-12));
  }

  @Test
  void theInstitutionSeries_holdsTheDinnerTheToneAndTheCommitment() throws Exception {
    JsonNode body = get("/api/groups/nato/cohesion/2025-02-13/contributors");

    // 12 Feb: the dinner of Rutte (NATO) and Hegseth (the US), 044 +2.5, and Rutte on Hegseth's
    // tone (alleged, 110 −2.0); the meeting, NATO hosting each of the 32 members (043 +2.8).
    // 13 Feb: Hegseth, "America is a proud NATO member" (030 +4.0).
    double dinner = D2 * NAMED_PARAPHRASE * 2.5;
    double tone = D2 * ALLEGED_UNCONFIRMED * -2.0;
    double meeting = D2 * MEMBERS * MEETING_PER_MEMBER;
    double proud = D1 * NAMED_PARAPHRASE * 4.0;
    double net = dinner + tone + meeting + proud;
    double intensity = dinner - tone + meeting + proud;

    assertThat(body.get("institutionValue").asDouble())
        .isCloseTo(net / (intensity + 10 * K * MEMBERS), within(1e-12));
    assertThat(body.at("/institutionContributors/0/statementId").asText())
        .isEqualTo("hegseth-proud-nato-member");
  }

  /** The numbers printed in docs/cohesion.md, "Worked example", as rounded there. */
  @Test
  void theWorkedExampleOfTheDocs_isWhatTheApiAnswers() throws Exception {
    JsonNode point =
        get("/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13&pairs=true").at("/points/0");
    JsonNode contributors = get("/api/groups/nato/cohesion/2025-02-13/contributors?limit=6");

    assertThat(point.get("value").asDouble()).isCloseTo(-0.372549, within(5e-7));
    assertThat(point.get("intensity").asDouble()).isCloseTo(300.218599, within(5e-7));
    assertThat(point.get("coverage").asDouble()).isCloseTo(77.229203, within(5e-7));
    assertThat(point.get("polarisation").asDouble()).isEqualTo(0.0625);
    assertThat(point.get("observedPairs").asInt()).isEqualTo(496);
    assertThat(point.get("memberPairs").asInt()).isEqualTo(496);
    assertThat(contributors.get("value").asDouble()).isCloseTo(-0.372549, within(5e-7));
    assertThat(contributors.get("denominator").asDouble()).isCloseTo(796.218599, within(5e-7));
    double[] documented = {-0.152179, -0.152179, -0.038045, -0.030436, 0.002253, -0.001964};
    for (int i = 0; i < documented.length; i++) {
      assertThat(contributors.at("/contributors/" + i + "/contribution").asDouble())
          .as("contributor " + i)
          .isCloseTo(documented[i], within(5e-7));
    }
    // /4: every member pair still observed (a meeting share is 0.0014467 ≥ θ), nothing omitted
    assertThat(contributors.get("omitted").asInt()).isZero();
    assertThat(contributors.get("omittedContribution").asDouble()).isZero();
    assertThat(contributors.get("minShare").asDouble()).isEqualTo(0.001);

    // the plain measures and the band of the docs, on the same buckets
    JsonNode days =
        get("/api/groups/nato/cohesion?from=2025-02-12&to=2025-02-13&interval=true&plain=true")
            .get("points");
    JsonNode the12th = days.get(0).get("plain");
    assertThat(the12th.get("records").asInt()).isEqualTo(1);
    assertThat(the12th.get("meanWeight").asDouble()).isEqualTo(2.5);
    assertThat(the12th.get("cooperativeShare").asDouble()).isEqualTo(1.0);
    JsonNode the13th = days.get(1).get("plain");
    assertThat(the13th.get("records").asInt()).isEqualTo(5);
    assertThat(the13th.get("meanWeight").asDouble()).isCloseTo(-3.2, within(1e-12));
    assertThat(the13th.get("verbalConflict").asInt()).isEqualTo(5);
    assertThat(the13th.get("conflictualShare").asDouble()).isEqualTo(1.0);
    // the meeting alone: every resample is the meeting, so no band
    assertThat(days.at("/0/interval/low").asDouble()).isEqualTo(days.at("/0/value").asDouble());
    assertThat(days.at("/0/interval/high").asDouble()).isEqualTo(days.at("/0/value").asDouble());
    assertThat(days.at("/1/interval/low").asDouble()).isCloseTo(-0.503737, within(5e-7));
    assertThat(days.at("/1/interval/high").asDouble()).isCloseTo(-0.132322, within(5e-7));

    // a what-if θ above a meeting share forgets the meeting's pairs: the 31 with the US remain
    JsonNode forgetful =
        get("/api/groups/nato/cohesion?from=2025-02-13&to=2025-02-13&observation=0.0015")
            .at("/points/0");
    assertThat(forgetful.get("observedPairs").asInt()).isEqualTo(ALLIES);
    assertThat(forgetful.get("polarisation").asDouble()).isEqualTo(1.0);
    assertThat(forgetful.get("value").asDouble()).isCloseTo(-0.372549, within(5e-7));

    JsonNode germanyUs = null;
    for (JsonNode pair : point.get("pairs")) {
      if (pair.get("a").asText().equals("germany")
          && pair.get("b").asText().equals("united-states")) {
        germanyUs = pair;
      }
    }
    assertThat(germanyUs).isNotNull();
    assertThat(germanyUs.get("net").asDouble()).isCloseTo(-11.136007, within(5e-7));
    assertThat(germanyUs.get("intensity").asDouble()).isCloseTo(11.143240, within(5e-7));
    assertThat(germanyUs.get("affinity").asDouble()).isCloseTo(-0.917054, within(5e-7));
  }
}
