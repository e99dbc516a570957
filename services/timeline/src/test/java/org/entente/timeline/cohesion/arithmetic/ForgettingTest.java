package org.entente.timeline.cohesion.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.api.common.AttributionGrade.DIRECT_QUOTE;
import static org.entente.timeline.cohesion.arithmetic.Facts.at;
import static org.entente.timeline.cohesion.arithmetic.Facts.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Observation decays (docs/cohesion.md, "Observation and polarisation"): a pair is observed only
 * while its decayed evidence W is at least θ, and negative only while its net is below −10 · θ.
 * Found by an analyst: pairs last seen twelve years earlier, with a net of about −1e−44, cut a
 * later day's polarisation from 0.167 to 0.050.
 */
class ForgettingTest {

  /** Four members; a row twelve years ago, then two fresh praises and one fresh criticism. */
  private static Facts longHistory() {
    Facts f = history().members("a", "b", "c", "d");
    // 2013: every pair of the four quarrelled (six pairs, all negative then)
    String[] m = {"a", "b", "c", "d"};
    int n = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = i + 1; j < m.length; j++) {
        f.says("old-" + n++, m[i], m[j], "2013-02-01", -2.0, DIRECT_QUOTE);
      }
    }
    // 2025: a praises b and c, d criticises a
    f.says("new-1", "a", "b", "2025-02-01", 3.4, DIRECT_QUOTE);
    f.says("new-2", "a", "c", "2025-02-01", 3.4, DIRECT_QUOTE);
    f.says("new-3", "d", "a", "2025-02-01", -2.0, DIRECT_QUOTE);
    return f;
  }

  @Test
  void pairsLastSeenTwelveYearsAgo_areNoLongerObserved_norCountedInPolarisation() {
    CohesionPoint p =
        longHistory().point("2025-02-02", CohesionParameters.defaults(), Channel.PAIR);

    // observed: a–b, a–c, a–d (fresh); b–c, b–d, c–d were last seen in 2013 (W ≈ 2^−146)
    assertThat(p.observed()).isEqualTo(3);
    assertThat(p.polarisation()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(p.pairs()).extracting(PairAffinity::a, PairAffinity::b).hasSize(3);
  }

  @Test
  void withoutAThreshold_theOldPairsCountForever_asBefore() {
    CohesionParameters never = CohesionParameters.defaults().withObservation(0);
    CohesionPoint p = longHistory().point("2025-02-02", never, Channel.PAIR);

    assertThat(p.observed()).isEqualTo(6);
    // a–d is negative, and so are the three old pairs, by about −1e−44 each
    assertThat(p.polarisation()).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void theValue_isTheSame_whateverTheThreshold() {
    double with = longHistory().value("2025-02-02");
    double without =
        longHistory().value("2025-02-02", CohesionParameters.defaults().withObservation(0));

    assertThat(with).isEqualTo(without);
  }

  @Test
  void aPair_isObservedUntilItsEvidenceDecaysBelowTheThreshold() {
    // mass 1 on 2025-01-01: W = 2^(−days/30) ≥ 10⁻⁴ while days ≤ 30 · log2(10⁴) = 398.63
    Facts f = history().members("a", "b").says("s", "a", "b", "2025-01-01", -4.0, DIRECT_QUOTE);
    CohesionParameters p = CohesionParameters.defaults();
    LocalDate start = LocalDate.parse("2025-01-01");

    assertThat(f.point(start.plusDays(398).toString(), p, Channel.PAIR).observed()).isEqualTo(1);
    assertThat(f.point(start.plusDays(399).toString(), p, Channel.PAIR).observed()).isZero();
    // negative while S = −4 · 2^(−days/30) < −10 · 10⁻⁴: days < 30 · log2(4000) = 358.97
    assertThat(f.point(start.plusDays(358).toString(), p, Channel.PAIR).polarisation())
        .isEqualTo(1.0);
    assertThat(f.point(start.plusDays(359).toString(), p, Channel.PAIR).polarisation()).isZero();
    assertThat(f.point(start.plusDays(359).toString(), p, Channel.PAIR).observed()).isEqualTo(1);
  }

  @Test
  void theStoredStates_holdTheDaysPairsAreForgotten_soTheyAnswerLikeTheRecomputation() {
    Facts f = longHistory();
    CohesionParameters p = CohesionParameters.defaults();
    Resolution r = f.resolve(p);
    CohesionCalculator calculator = new CohesionCalculator(p);
    List<DayState> states =
        calculator.states(r.interactions(), r.schedule(), Channel.PAIR, Set.of());
    List<Instant> days = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2013-01-25");
        d.isBefore(LocalDate.parse("2026-03-01"));
        d = d.plusDays(1)) {
      days.add(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    List<CohesionPoint> stored = calculator.fromStates(states, days);
    List<CohesionPoint> computed =
        calculator.series(r.interactions(), r.schedule(), Channel.PAIR, days, false);

    // the two days with interactions, and the days on which a pair is forgotten or turns neutral
    assertThat(states.size()).isGreaterThan(2);
    for (int i = 0; i < days.size(); i++) {
      CohesionPoint s = stored.get(i);
      CohesionPoint c = computed.get(i);
      assertThat(s.observed()).as("observed at " + days.get(i)).isEqualTo(c.observed());
      assertThat(s.polarisation()).as("polarisation at " + days.get(i)).isEqualTo(c.polarisation());
      assertThat(s.value()).isCloseTo(c.value(), within(1e-12));
    }
    // in 2013 all six pairs were observed and negative; by 2025-02-01 none of them is
    assertThat(stored.get(10).polarisation()).isEqualTo(1.0);
    assertThat(stored.get(10).observed()).isEqualTo(6);
    assertThat(stored.get(days.indexOf(at("2025-02-01"))).observed()).isZero();
  }
}
