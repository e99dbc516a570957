package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * NATO around the defence ministers' meeting of 12–13 Feb 2025 (the demo scenario): cohesion falls
 * below its level before, polarisation rises, and the criticism and the 5% demand move it most. The
 * expected numbers are worked out here from the formula of docs/cohesion.md, term by term.
 */
class NatoScenarioTest {

  private static final double K = 0.1;

  /**
   * One day of decay at a 30-day half-life: the statements of 13 Feb seen at the end of the day.
   */
  private static final double D = Math.pow(2, -1.0 / 30);

  private static final Instant END_OF_11_FEB = Instant.parse("2025-02-12T00:00:00Z");
  private static final Instant END_OF_12_FEB = Instant.parse("2025-02-13T00:00:00Z");
  private static final Instant END_OF_13_FEB = Instant.parse("2025-02-14T00:00:00Z");

  private final Resolution resolution =
      new InteractionResolver(HistoryFold.fold(NatoScenario.events()))
          .resolve(NatoScenario.NATO, CohesionParameters.defaults());
  private final CohesionCalculator calculator =
      new CohesionCalculator(CohesionParameters.defaults());

  private List<CohesionPoint> series(Channel channel) {
    return calculator.series(
        resolution.interactions(),
        resolution.schedule(),
        channel,
        List.of(END_OF_11_FEB, END_OF_12_FEB, END_OF_13_FEB),
        false);
  }

  @Test
  void cohesionFalls_andPolarisationRises_onThe13th() {
    List<CohesionPoint> points = series(Channel.PAIR);

    assertThat(points.get(0).value()).isZero();
    assertThat(points.get(1).value()).isZero();
    assertThat(points.get(2).value()).isLessThan(points.get(1).value());
    assertThat(points.get(2).polarisation()).isGreaterThan(points.get(1).polarisation());
  }

  @Test
  void theValueOfThe13th_isTheDocumentedFormula_termByTerm() {
    // 31 allies criticise the US (anonymous NATO sources: r = 0.5, g = −2.0): 31 pairs
    double criticismS = 31 * 0.5 * -2.0;
    double criticismW = 31 * 0.5;
    // the US (Trump) demands 5% of the 31 allies (named paraphrase: r = 0.8, g = −5.0)
    double demandS = 31 * 0.8 * -5.0;
    double demandW = 31 * 0.8;
    // Hegseth's "reset" appeal to the 31 allies (r = 0.8, CAMEO 0242 g = −0.3)
    double resetS = 31 * 0.8 * -0.3;
    double resetW = 31 * 0.8;
    // Pistorius (Germany) disapproves of the US (r = 0.8, g = −2.0)
    double pistoriusS = 0.8 * -2.0;
    double pistoriusW = 0.8;
    // the meeting: 33 parties (32 members and NATO) → 528 pairs, 496 of them member pairs,
    // each 1/528 of one interaction (r = 0.8, CAMEO 044 g = +2.5)
    double meetingS = 496.0 / 528 * 0.8 * 2.5;
    double meetingW = 496.0 / 528 * 0.8;
    // Kallas speaks for the EU, no NATO member: not counted
    double s = D * (criticismS + demandS + resetS + pistoriusS + meetingS);
    double w = D * (criticismW + demandW + resetW + pistoriusW + meetingW);
    int observed = 496;
    double expected = s / (10 * (w + K * observed));

    CohesionPoint point = series(Channel.PAIR).get(2);

    assertThat(point.observed()).isEqualTo(observed);
    assertThat(point.coverage()).isCloseTo(w, within(1e-9));
    assertThat(point.value()).isCloseTo(expected, within(1e-12));
    assertThat(point.polarisation()).isCloseTo(31.0 / 496, within(1e-12));
  }

  @Test
  void theCriticismAndTheDemand_areTheTopContributors() {
    Explanation explanation =
        calculator.explain(
            resolution.interactions(), resolution.schedule(), Channel.PAIR, END_OF_13_FEB);
    Map<String, Double> byRecord =
        explanation.contributions().stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.interaction().factId(),
                    LinkedHashMap::new,
                    Collectors.summingDouble(Contribution::contribution)));
    List<String> ranked =
        byRecord.entrySet().stream()
            .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
            .map(Map.Entry::getKey)
            .toList();

    assertThat(ranked.subList(0, 2)).containsExactly(NatoScenario.DEMAND, NatoScenario.CRITICISM);
    double denominator = explanation.denominator();
    assertThat(byRecord.get(NatoScenario.DEMAND))
        .isCloseTo(D * 31 * 0.8 * -5.0 / denominator, within(1e-12));
    assertThat(byRecord.get(NatoScenario.CRITICISM))
        .isCloseTo(D * 31 * 0.5 * -2.0 / denominator, within(1e-12));
    assertThat(byRecord.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(explanation.value(), within(1e-12));
  }

  @Test
  void theInstitutionSeries_holdsTheDinnerTheToneAndTheCommitment() {
    CohesionPoint point = series(Channel.INSTITUTION).get(2);
    double d2 = Math.pow(2, -2.0 / 30);
    // dinner (12 Feb, NATO hosts the US: 043 +2.8, r = 0.8), Rutte on Hegseth's tone (12 Feb,
    // alleged: r = 0.3, −2.0), "proud NATO member" (13 Feb, 030 +4.0, r = 0.8), and the meeting
    // between NATO (host) and each of the 32 members (043 +2.8, 1/528 each, r = 0.8)
    double usS = d2 * (0.8 * 2.8 + 0.3 * -2.0) + D * (0.8 * 4.0 + 0.8 / 528 * 2.8);
    double usW = d2 * (0.8 + 0.3) + D * (0.8 + 0.8 / 528);
    double othersS = 31 * D * 0.8 / 528 * 2.8;
    double othersW = 31 * D * 0.8 / 528;
    double expected = (usS + othersS) / (10 * (usW + othersW + K * 32));

    assertThat(point.observed()).isEqualTo(32);
    assertThat(point.value()).isCloseTo(expected, within(1e-12));
  }
}
