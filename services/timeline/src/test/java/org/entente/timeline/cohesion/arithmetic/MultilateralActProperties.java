package org.entente.timeline.cohesion.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * One multilateral act, coded three ways (docs/cohesion.md, "Coding multilateral acts"): as an
 * AGREEMENT event with its N signatories as participants; as per-member statements (each signatory
 * → the other signatories, CAMEO 057, made at the act's event); as statements toward each other
 * (one per ordered pair, made at the act's event). Each gives one interaction of weight 8.0 and the
 * grade's reliability per pair of signatories, so every point is the same up to rounding (the
 * documented tolerance: 1e-12, relative), whatever else the history holds.
 */
class MultilateralActProperties {

  private static final List<String> STATES = List.of("a", "b", "c", "d", "e", "f");
  private static final String ACT_DAY = "2025-03-10";
  private static final Instant ACT = Facts.at(ACT_DAY);

  /** Background: a statement between two of the six states, some days around the act. */
  record Said(int speaker, int target, int day, int weight) {}

  private static Gen<List<Said>> background() {
    Gen<Said> one =
        integers()
            .between(0, 5)
            .zip(
                integers().between(0, 5),
                integers().between(-20, 20),
                integers().between(-10, 10),
                Said::new);
    return lists().of(one).ofSizeBetween(0, 10);
  }

  private static Facts base(List<Said> background) {
    Facts f = Facts.history().members(STATES.toArray(String[]::new));
    int i = 0;
    for (Said s : background) {
      if (s.speaker() != s.target()) {
        f.says(
            "bg-" + i++,
            STATES.get(s.speaker()),
            STATES.get(s.target()),
            ACT.plus(s.day(), ChronoUnit.DAYS).toString().substring(0, 10),
            s.weight(),
            AttributionGrade.NAMED_PARAPHRASE);
      }
    }
    return f;
  }

  private static Facts asAgreement(List<Said> background, int n) {
    Participant[] signers =
        STATES.subList(0, n).stream()
            .map(s -> new Participant(s, ParticipantPart.GUEST))
            .toArray(Participant[]::new);
    return base(background).event("act", EventKind.AGREEMENT, ACT_DAY, signers);
  }

  /** A signing ceremony (no interaction by itself) where each signatory addresses the others. */
  private static Facts asPerMemberStatements(List<Said> background, int n) {
    Facts f = ceremony(base(background), n);
    List<String> signers = STATES.subList(0, n);
    for (String s : signers) {
      List<String> others = signers.stream().filter(o -> !o.equals(s)).toList();
      f.says("sign-" + s, s, others, "act", ACT_DAY, "057", Weight.goldstein(8.0), GRADE);
    }
    return f;
  }

  private static Facts asStatementsTowardEachOther(List<Said> background, int n) {
    Facts f = ceremony(base(background), n);
    List<String> signers = STATES.subList(0, n);
    for (String s : signers) {
      for (String o : signers) {
        if (!s.equals(o)) {
          f.says(
              "sign-" + s + "-" + o,
              s,
              List.of(o),
              "act",
              ACT_DAY,
              "057",
              Weight.goldstein(8.0),
              GRADE);
        }
      }
    }
    return f;
  }

  /** The grade of the act's records: DIRECT_QUOTE, as the test histories cite events. */
  private static final AttributionGrade GRADE = AttributionGrade.DIRECT_QUOTE;

  private static Facts ceremony(Facts f, int n) {
    Participant[] signers =
        STATES.subList(0, n).stream()
            .map(s -> new Participant(s, ParticipantPart.GUEST))
            .toArray(Participant[]::new);
    return f.event("act", EventKind.CEREMONY, ACT_DAY, signers);
  }

  private static final List<Instant> TIMES =
      List.of(
          ACT.plus(1, ChronoUnit.DAYS),
          ACT.plus(12, ChronoUnit.DAYS),
          ACT.plus(30, ChronoUnit.DAYS),
          ACT.plus(400, ChronoUnit.DAYS));

  private static List<CohesionPoint> series(Facts f) {
    CohesionParameters p = CohesionParameters.defaults();
    Resolution r = f.resolve(p);
    return new CohesionCalculator(p)
        .series(r.interactions(), r.schedule(), Channel.PAIR, TIMES, false);
  }

  private static void assertSame(List<CohesionPoint> actual, List<CohesionPoint> expected) {
    for (int i = 0; i < expected.size(); i++) {
      CohesionPoint a = actual.get(i);
      CohesionPoint e = expected.get(i);
      assertThat(Math.signum(a.value())).as("sign at " + e.at()).isEqualTo(Math.signum(e.value()));
      assertThat(a.value()).as("value at " + e.at()).isCloseTo(e.value(), within(1e-12));
      assertThat(a.coverage())
          .as("coverage at " + e.at())
          .isCloseTo(e.coverage(), within(1e-12 * Math.max(1, e.coverage())));
      assertThat(a.intensity())
          .as("intensity at " + e.at())
          .isCloseTo(e.intensity(), within(1e-12 * Math.max(1, e.intensity())));
      assertThat(a.observed()).as("observed at " + e.at()).isEqualTo(e.observed());
      assertThat(a.polarisation())
          .as("polarisation at " + e.at())
          .isCloseTo(e.polarisation(), within(1e-12));
    }
  }

  @Test
  void oneActCodedThreeWays_givesTheSameSeries() {
    qt().forAll(background(), integers().between(2, 6))
        .checkAssert(
            (background, n) -> {
              List<CohesionPoint> agreement = series(asAgreement(background, n));
              assertSame(series(asPerMemberStatements(background, n)), agreement);
              assertSame(series(asStatementsTowardEachOther(background, n)), agreement);
            });
  }

  /** The analyst's case: on the day every member signs, cohesion is clearly positive. */
  @Test
  void anAgreementSignedByEveryMember_countsFullyOnEveryPair() {
    CohesionPoint p = series(asAgreement(List.of(), 6)).get(0);
    double d = Math.pow(2, -1.0 / 30);
    // 15 pairs, each one interaction of 8.0 at reliability 1, decayed one day; pull 10·0.1·15
    assertThat(p.value()).isCloseTo(15 * 8.0 * d / (15 * 8.0 * d + 15), within(1e-12));
    assertThat(p.value()).isCloseTo(8.0 * d / (8.0 * d + 1), within(1e-12));
    assertThat(p.observed()).isEqualTo(15);
  }

  @Test
  void anObserverOfASigning_isNoSignatory() {
    Facts f =
        Facts.history()
            .members("a", "b", "c")
            .event(
                "act",
                EventKind.AGREEMENT,
                ACT_DAY,
                new Participant("a", ParticipantPart.HOST),
                new Participant("b", ParticipantPart.GUEST),
                new Participant("c", ParticipantPart.ATTENDEE));
    CohesionPoint p = series(f).get(0);

    assertThat(p.observed()).isEqualTo(1);
  }
}
