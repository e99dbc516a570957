package org.entente.timeline.cohesion.arithmetic;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.common.AttributionGrade;

/**
 * The knobs of the cohesion indicator (see docs/cohesion.md).
 *
 * @param halfLifeDays after this many days an interaction counts half as much
 * @param k neutral pseudo-evidence per pair of the group (observed or not): 10 · k units of
 *     intensity each, pulling sparse evidence toward 0
 * @param reliability how much an interaction counts, by the best attribution grade of its sources
 * @param scale the weights used; interactions coded on another scale are left out
 * @param members when not null, the group is exactly these actors at every time (what-if)
 * @param observation θ: a pair is observed at t only while its decayed evidence W is at least θ,
 *     and counts as negative in polarisation only while its net S is below −10 · θ (the net of θ's
 *     worth of the strongest conflict), so decades-old pairs are forgotten
 */
public record CohesionParameters(
    double halfLifeDays,
    double k,
    Map<AttributionGrade, Double> reliability,
    CohesionScale scale,
    Set<String> members,
    double observation) {

  public static final double DEFAULT_HALF_LIFE_DAYS = 30.0;
  public static final double DEFAULT_K = 0.1;

  /**
   * θ: one on-record interaction (mass 1) stays observed for log2(10⁴) ≈ 13.3 half-lives (399 days
   * by default), one share of a 33-party meeting (0.8/528) for about 118 days; a pair last seen
   * twelve years ago (W ≈ 2^−146) is long forgotten.
   */
  public static final double DEFAULT_OBSERVATION = 1e-4;

  private static final double SECONDS_PER_DAY = 86_400.0;

  public CohesionParameters {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException("halfLifeDays must be a positive number");
    }
    if (!(k >= 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be a number >= 0");
    }
    if (!(observation >= 0) || Double.isInfinite(observation)) {
      throw new IllegalArgumentException("observation must be a number >= 0");
    }
    EnumMap<AttributionGrade, Double> complete = new EnumMap<>(defaultReliability());
    complete.putAll(reliability);
    complete.forEach(
        (grade, r) -> {
          if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("reliability of " + grade + " must lie in [0, 1]");
          }
        });
    reliability = Collections.unmodifiableMap(complete);
    members = members == null ? null : Collections.unmodifiableSet(new TreeSet<>(members));
  }

  public static CohesionParameters defaults() {
    return new CohesionParameters(
        DEFAULT_HALF_LIFE_DAYS,
        DEFAULT_K,
        Map.of(),
        CohesionScale.GOLDSTEIN,
        null,
        DEFAULT_OBSERVATION);
  }

  /** On-record words count fully; anonymous, second-hand and alleged ones count less. */
  public static Map<AttributionGrade, Double> defaultReliability() {
    EnumMap<AttributionGrade, Double> r = new EnumMap<>(AttributionGrade.class);
    r.put(AttributionGrade.DIRECT_QUOTE, 1.0);
    r.put(AttributionGrade.OFFICIAL_TRANSCRIPT, 1.0);
    r.put(AttributionGrade.NAMED_PARAPHRASE, 0.8);
    r.put(AttributionGrade.ANONYMOUS_DESCRIBED, 0.5);
    r.put(AttributionGrade.ANONYMOUS_UNDESCRIBED, 0.4);
    r.put(AttributionGrade.SECOND_HAND_MEDIA, 0.4);
    r.put(AttributionGrade.ALLEGED_UNCONFIRMED, 0.3);
    return r;
  }

  public double reliabilityOf(AttributionGrade grade) {
    return reliability.get(grade);
  }

  /** Decay rate λ = ln 2 / half-life, per second. */
  public double lambdaPerSecond() {
    return Math.log(2) / (halfLifeDays * SECONDS_PER_DAY);
  }

  public boolean isDefault() {
    return equals(defaults());
  }

  public CohesionParameters withHalfLifeDays(double days) {
    return new CohesionParameters(days, k, reliability, scale, members, observation);
  }

  public CohesionParameters withK(double newK) {
    return new CohesionParameters(halfLifeDays, newK, reliability, scale, members, observation);
  }

  public CohesionParameters withReliability(AttributionGrade grade, double value) {
    EnumMap<AttributionGrade, Double> changed = new EnumMap<>(reliability);
    changed.put(grade, value);
    return new CohesionParameters(halfLifeDays, k, changed, scale, members, observation);
  }

  public CohesionParameters withScale(CohesionScale newScale) {
    return new CohesionParameters(halfLifeDays, k, reliability, newScale, members, observation);
  }

  public CohesionParameters withObservation(double threshold) {
    return new CohesionParameters(halfLifeDays, k, reliability, scale, members, threshold);
  }

  /** Whether a pair with decayed evidence {@code w} is observed. */
  public boolean observed(double w) {
    return w >= observation;
  }

  /** Whether an observed pair with decayed net {@code s} counts as negative in polarisation. */
  public boolean negative(double s) {
    return s < -10 * observation;
  }

  public CohesionParameters withMembers(Set<String> newMembers) {
    return new CohesionParameters(halfLifeDays, k, reliability, scale, newMembers, observation);
  }
}
