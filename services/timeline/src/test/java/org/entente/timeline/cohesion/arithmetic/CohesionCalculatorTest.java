package org.entente.timeline.cohesion.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.api.common.AttributionGrade.ALLEGED_UNCONFIRMED;
import static org.entente.api.common.AttributionGrade.ANONYMOUS_DESCRIBED;
import static org.entente.api.common.AttributionGrade.DIRECT_QUOTE;
import static org.entente.api.common.AttributionGrade.NAMED_PARAPHRASE;
import static org.entente.timeline.cohesion.arithmetic.Facts.at;
import static org.entente.timeline.cohesion.arithmetic.Facts.history;

import java.util.List;
import org.entente.api.common.Weight;
import org.junit.jupiter.api.Test;

/** The formula of docs/cohesion.md, checked against numbers worked out by hand. */
class CohesionCalculatorTest {

  private static final double EPS = 1e-12;
  private static final double K = CohesionParameters.DEFAULT_K;

  /** The pull toward 0 of one pair of the group: 10 · k units of neutral intensity. */
  private static final double PRIOR = 10 * K;

  @Test
  void noEvidence_isZero_withNoPolarisation() {
    CohesionPoint p =
        history()
            .members("a", "b")
            .point("2025-01-02", CohesionParameters.defaults(), Channel.PAIR);

    assertThat(p.value()).isZero();
    assertThat(p.coverage()).isZero();
    assertThat(p.polarisation()).isZero();
    assertThat(p.observed()).isZero();
    assertThat(p.memberPairs()).isEqualTo(1);
  }

  @Test
  void value_staysInsideMinusOneToOne_evenForTheExtremesOfTheScale() {
    Facts f = history().members("a", "b", "c");
    for (int i = 0; i < 50; i++) {
      f.says("s" + i, "a", "b", "2025-01-01", 10.0, DIRECT_QUOTE);
      f.says("t" + i, "a", "c", "2025-01-01", 10.0, DIRECT_QUOTE);
    }
    Facts g = history().members("a", "b");
    for (int i = 0; i < 50; i++) {
      g.says("s" + i, "a", "b", "2025-01-01", -10.0, DIRECT_QUOTE);
    }

    double high = f.value("2025-01-02");
    double low = g.value("2025-01-02");

    assertThat(high).isLessThan(1.0).isGreaterThan(0.99);
    assertThat(low).isGreaterThan(-1.0).isLessThan(-0.99);
  }

  @Test
  void onePraise_givesItsWeightOverItsIntensityPlusThePullOfEveryMemberPair() {
    double value =
        history()
            .members("a", "b")
            .says("s", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE)
            .value("2025-01-01");
    // at the very instant of the statement nothing is counted yet: strictly before
    assertThat(value).isZero();

    CohesionParameters longMemory = CohesionParameters.defaults().withHalfLifeDays(1e9);
    double later =
        history()
            .members("a", "b")
            .says("s", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE)
            .value("2025-01-02", longMemory);
    assertThat(later).isCloseTo(3.4 / (3.4 + PRIOR), within(1e-9));
  }

  @Test
  void evidence_halves_afterEachHalfLife() {
    Facts f = history().members("a", "b").says("s", "a", "b", "2025-01-01", -4.0, DIRECT_QUOTE);
    CohesionParameters p = CohesionParameters.defaults();

    PairAffinity oneHalfLife = f.point("2025-01-31", p, Channel.PAIR).pairs().get(0);
    PairAffinity twoHalfLives = f.point("2025-03-02", p, Channel.PAIR).pairs().get(0);

    assertThat(oneHalfLife.weight()).isCloseTo(0.5, within(EPS));
    assertThat(oneHalfLife.net()).isCloseTo(-2.0, within(EPS));
    assertThat(oneHalfLife.intensity()).isCloseTo(2.0, within(EPS));
    assertThat(oneHalfLife.affinity()).isCloseTo(-2.0 / (2.0 + PRIOR), within(EPS));
    assertThat(twoHalfLives.weight()).isCloseTo(0.25, within(EPS));
    assertThat(twoHalfLives.intensity()).isCloseTo(1.0, within(EPS));
    assertThat(f.value("2025-01-31")).isCloseTo(-2.0 / (2.0 + PRIOR), within(EPS));
  }

  @Test
  void halfLife_isAParameter() {
    Facts f = history().members("a", "b").says("s", "a", "b", "2025-01-01", 2.0, DIRECT_QUOTE);

    PairAffinity p =
        f.point("2025-01-11", CohesionParameters.defaults().withHalfLifeDays(10), Channel.PAIR)
            .pairs()
            .get(0);

    assertThat(p.weight()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void reliability_weighsEachInteractionByItsBestGrade() {
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);
    Facts f =
        history()
            .members("a", "b", "c")
            .says("praise", "a", "b", "2025-01-01", 4.0, DIRECT_QUOTE)
            .says("rumour", "a", "c", "2025-01-01", -4.0, ALLEGED_UNCONFIRMED)
            .says(
                "twice-cited",
                "b",
                List.of("c"),
                null,
                "2025-01-01",
                "111",
                Weight.goldstein(-2.0),
                ALLEGED_UNCONFIRMED,
                NAMED_PARAPHRASE);

    // three members, so three pairs pull toward 0
    double expected =
        (4.0 * 1.0 - 4.0 * 0.3 - 2.0 * 0.8) / (4.0 * 1.0 + 4.0 * 0.3 + 2.0 * 0.8 + 3 * PRIOR);
    assertThat(f.value("2025-01-02", noDecay)).isCloseTo(expected, within(1e-9));

    double anonymousCountsFully =
        f.value("2025-01-02", noDecay.withReliability(ALLEGED_UNCONFIRMED, 1.0));
    double expectedWhatIf = (4.0 - 4.0 - 2.0 * 0.8) / (4.0 + 4.0 + 2.0 * 0.8 + 3 * PRIOR);
    assertThat(anonymousCountsFully).isCloseTo(expectedWhatIf, within(1e-9));
  }

  @Test
  void polarisation_isTheShareOfObservedPairsWithNegativeAffinity() {
    CohesionPoint p =
        history()
            .members("a", "b", "c", "d")
            .says("1", "a", "b", "2025-01-01", 3.0, DIRECT_QUOTE)
            .says("2", "a", "c", "2025-01-01", -1.0, DIRECT_QUOTE)
            .says("3", "c", "d", "2025-01-01", 1.0, DIRECT_QUOTE)
            .says("4", "d", "c", "2025-01-01", -2.0, ANONYMOUS_DESCRIBED)
            .point("2025-01-02", CohesionParameters.defaults(), Channel.PAIR);

    // pairs a-b (+), a-c (−), c-d (+1 − 1.0 = 0: not negative)
    assertThat(p.observed()).isEqualTo(3);
    assertThat(p.polarisation()).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void recurrence_equalsTheSumOfDecayedContributions() {
    Facts f =
        history()
            .members("a", "b", "c")
            .says("1", "a", "b", "2025-01-01", 3.0, DIRECT_QUOTE)
            .says("2", "b", "a", "2025-01-05", -5.0, NAMED_PARAPHRASE)
            .says("3", "c", "a", "2025-01-20", 1.0, ANONYMOUS_DESCRIBED)
            .says("4", "a", "b", "2025-02-10", 2.0, DIRECT_QUOTE);
    Resolution r = f.resolve();
    CohesionCalculator calculator = new CohesionCalculator(CohesionParameters.defaults());

    CohesionPoint point =
        calculator
            .series(r.interactions(), r.schedule(), Channel.PAIR, List.of(at("2025-03-01")), false)
            .get(0);
    Explanation explanation =
        calculator.explain(r.interactions(), r.schedule(), Channel.PAIR, at("2025-03-01"));

    assertThat(explanation.value()).isCloseTo(point.value(), within(1e-12));
    assertThat(explanation.contributions().stream().mapToDouble(Contribution::contribution).sum())
        .isCloseTo(point.value(), within(1e-12));
    double lambda = Math.log(2) / 30;
    double s =
        3.0 * Math.exp(-lambda * 59)
            - 5.0 * 0.8 * Math.exp(-lambda * 55)
            + 0.5 * Math.exp(-lambda * 40)
            + 2.0 * Math.exp(-lambda * 19);
    double a =
        3.0 * Math.exp(-lambda * 59)
            + 5.0 * 0.8 * Math.exp(-lambda * 55)
            + 0.5 * Math.exp(-lambda * 40)
            + 2.0 * Math.exp(-lambda * 19);
    double w =
        Math.exp(-lambda * 59)
            + 0.8 * Math.exp(-lambda * 55)
            + 0.5 * Math.exp(-lambda * 40)
            + Math.exp(-lambda * 19);
    // a, b and c: three member pairs, two of them observed
    assertThat(point.memberPairs()).isEqualTo(3);
    assertThat(point.observed()).isEqualTo(2);
    assertThat(point.coverage()).isCloseTo(w, within(1e-12));
    assertThat(point.intensity()).isCloseTo(a, within(1e-12));
    assertThat(point.value()).isCloseTo(s / (a + 3 * PRIOR), within(1e-12));
    assertThat(explanation.denominator()).isCloseTo(a + 3 * PRIOR, within(1e-12));
  }

  @Test
  void aLukewarmPositiveInteraction_onTheSamePair_stillRaisesAWarmerLevel() {
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);
    Facts praise =
        history().members("a", "b").says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE);
    double before = praise.value("2025-01-02", noDecay);

    double after =
        praise
            .says("consult", "a", "b", "2025-01-01", 1.0, DIRECT_QUOTE)
            .value("2025-01-02", noDecay);

    assertThat(before).isCloseTo(3.4 / (3.4 + PRIOR), within(1e-9));
    assertThat(after).isCloseTo(4.4 / (4.4 + PRIOR), within(1e-9));
    assertThat(after).isGreaterThan(before);
  }

  @Test
  void aLukewarmPositiveInteraction_onANewPair_stillRaisesAWarmerLevel() {
    // with a pull per observed pair, 4.4 / (4.4 + 2 · 10k) = 0.6875 would fall below
    // 3.4 / (3.4 + 10k) = 0.773; with the pull on every member pair it rises
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);
    Facts praise =
        history().members("a", "b", "c").says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE);
    double before = praise.value("2025-01-02", noDecay);

    double after =
        praise
            .says("consult", "a", "c", "2025-01-01", 1.0, DIRECT_QUOTE)
            .value("2025-01-02", noDecay);

    assertThat(before).isCloseTo(3.4 / (3.4 + 3 * PRIOR), within(1e-9));
    assertThat(after).isCloseTo(4.4 / (4.4 + 3 * PRIOR), within(1e-9));
    assertThat(after).isGreaterThan(before);
  }

  @Test
  void unobservedMemberPairs_pullTowardZeroToo() {
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);

    CohesionPoint two =
        history()
            .members("a", "b")
            .says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE)
            .point("2025-01-02", noDecay, Channel.PAIR);
    CohesionPoint four =
        history()
            .members("a", "b", "c", "d")
            .says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE)
            .point("2025-01-02", noDecay, Channel.PAIR);

    assertThat(two.memberPairs()).isEqualTo(1);
    assertThat(four.memberPairs()).isEqualTo(6);
    assertThat(four.observed()).isEqualTo(1);
    assertThat(four.value()).isCloseTo(3.4 / (3.4 + 6 * PRIOR), within(1e-9));
    assertThat(four.value()).isLessThan(two.value());
    // the pair itself is as warm in both groups
    assertThat(four.pairs().get(0).affinity()).isEqualTo(two.pairs().get(0).affinity());
  }

  @Test
  void theMemberPairsCounted_followMembership() {
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);
    Facts f =
        history()
            .members("a", "b")
            .member("c", Facts.GROUP, "2000-01-01", "2025-01-10")
            .says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE);

    CohesionPoint withC = f.point("2025-01-05", noDecay, Channel.PAIR);
    CohesionPoint afterCLeft = f.point("2025-01-20", noDecay, Channel.PAIR);

    assertThat(withC.memberPairs()).isEqualTo(3);
    assertThat(withC.value()).isCloseTo(3.4 / (3.4 + 3 * PRIOR), within(1e-9));
    assertThat(afterCLeft.memberPairs()).isEqualTo(1);
    assertThat(afterCLeft.value()).isCloseTo(3.4 / (3.4 + PRIOR), within(1e-9));
    assertThat(f.point("2025-01-05", noDecay, Channel.INSTITUTION).memberPairs()).isEqualTo(3);
  }

  @Test
  void aZeroWeightInteraction_addsCoverage_butLeavesTheValue() {
    CohesionParameters noDecay = CohesionParameters.defaults().withHalfLifeDays(1e12);
    Facts f =
        history().members("a", "b", "c").says("praise", "a", "b", "2025-01-01", 3.4, DIRECT_QUOTE);
    CohesionPoint before = f.point("2025-01-02", noDecay, Channel.PAIR);

    CohesionPoint after =
        f.says("neutral", "a", "c", "2025-01-01", 0.0, DIRECT_QUOTE)
            .point("2025-01-02", noDecay, Channel.PAIR);

    assertThat(after.value()).isEqualTo(before.value());
    assertThat(after.intensity()).isEqualTo(before.intensity());
    assertThat(after.coverage()).isCloseTo(before.coverage() + 1.0, within(1e-9));
    assertThat(after.observed()).isEqualTo(2);
  }
}
