package org.entente.timeline.cohesion.arithmetic;

import static java.time.ZoneOffset.UTC;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decayed intra-group affinity indicator (docs/cohesion.md). For each pair, on each interaction
 * at time t_k with weight g and mass m = reliability × share:
 *
 * <pre>
 *   S ← S · e^(−λ·Δt) + m·g     A ← A · e^(−λ·Δt) + m·|g|     W ← W · e^(−λ·Δt) + m
 *   λ = ln 2 / half-life
 *   C(t) = Σ S / D     D = Σ A + 10 · k · N(t)
 * </pre>
 *
 * over the pairs whose both ends are members at t, from the interactions strictly before t; N(t) is
 * the number of pairs the group has at t (all member pairs, observed or not). Since |Σ S| ≤ Σ A, C
 * lies in (−1, 1) when k > 0. Because N depends on membership only, a positive interaction (g > 0)
 * raises S and D by the same amount and C' − C = m·g·(D − S) / (D · (D + m·g)) ≥ 0. Pure: no clock,
 * no I/O.
 */
public final class CohesionCalculator {

  /** The one order interactions are applied in, so input order never changes a result. */
  public static final Comparator<Interaction> ORDER =
      Comparator.comparing(Interaction::time)
          .thenComparing(Interaction::factKey)
          .thenComparing(Interaction::channel)
          .thenComparing(Interaction::a)
          .thenComparing(Interaction::b)
          .thenComparing(Interaction::code, Comparator.nullsFirst(Comparator.naturalOrder()));

  private final CohesionParameters parameters;
  private final double lambda;

  public CohesionCalculator(CohesionParameters parameters) {
    this.parameters = parameters;
    this.lambda = parameters.lambdaPerSecond();
  }

  /** The day whose memberships a point at {@code at} uses: the last day before it. */
  public static LocalDate memberDay(Instant at) {
    return InteractionResolver.day(at.minusNanos(1));
  }

  /**
   * The series of one channel at ascending instants, by the recurrence: each pair's S, A and W are
   * carried forward, decayed, and updated interaction by interaction.
   */
  public List<CohesionPoint> series(
      List<Interaction> interactions,
      MemberSchedule schedule,
      Channel channel,
      List<Instant> times,
      boolean withPairs) {
    return walk(interactions, schedule, channel, times, withPairs, null);
  }

  /**
   * The states to store for one channel: the sums at the end of every day on which the channel has
   * an interaction or the member set changes ({@code memberChanges}), by the same recurrence as
   * {@link #series}, so a stored state equals the series point at its day's end.
   */
  public List<DayState> states(
      List<Interaction> interactions,
      MemberSchedule schedule,
      Channel channel,
      Collection<LocalDate> memberChanges) {
    java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>(memberChanges);
    sortedOf(interactions, channel).forEach(x -> days.add(InteractionResolver.day(x.time())));
    List<Instant> ends =
        days.stream().map(d -> d.plusDays(1).atStartOfDay().toInstant(UTC)).toList();
    List<DayState> states = new ArrayList<>(ends.size());
    walk(interactions, schedule, channel, ends, false, states);
    return states;
  }

  /**
   * A series read from stored states (ascending by day) at ascending day boundaries: the latest
   * state on or before each point's member day, decayed to the point. Equal to {@link #series}
   * without pairs up to the rounding of one more multiplication (exact at a state's own day).
   */
  public List<CohesionPoint> fromStates(List<DayState> states, List<Instant> times) {
    List<CohesionPoint> points = new ArrayList<>(times.size());
    int next = 0;
    DayState current = null;
    for (Instant t : times) {
      if (!t.atZone(UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
        throw new IllegalArgumentException("stored states answer at day boundaries only: " + t);
      }
      LocalDate day = memberDay(t);
      while (next < states.size() && !states.get(next).day().isAfter(day)) {
        current = states.get(next++);
      }
      if (current == null) {
        points.add(new CohesionPoint(t, 0, 0, 0, 0, 0, 0, null));
        continue;
      }
      double decay = decay(current.end(), t);
      double sumS = current.sumS() * decay;
      double sumA = current.sumA() * decay;
      double denominator = denominator(sumA, current.memberPairs());
      points.add(
          new CohesionPoint(
              t,
              value(sumS, denominator),
              current.sumW() * decay,
              sumA,
              polarisation(current.negative(), current.observed()),
              current.observed(),
              current.memberPairs(),
              null));
    }
    return points;
  }

  private List<CohesionPoint> walk(
      List<Interaction> interactions,
      MemberSchedule schedule,
      Channel channel,
      List<Instant> times,
      boolean withPairs,
      List<DayState> states) {
    List<Interaction> sorted = sortedOf(interactions, channel);
    Map<String, Accumulator> pairs = new TreeMap<>();
    List<CohesionPoint> points = new ArrayList<>(times.size());
    // storing: the day ends to visit, growing by the next day a pair is forgotten or stops being
    // negative, so the stored counts hold until the next stored day
    java.util.TreeSet<Instant> queue = states == null ? null : new java.util.TreeSet<>(times);
    int index = 0;
    int next = 0;
    Instant previous = null;
    while (queue != null ? !queue.isEmpty() : index < times.size()) {
      Instant t = queue != null ? queue.pollFirst() : times.get(index++);
      if (previous != null && t.isBefore(previous)) {
        throw new IllegalArgumentException("times must ascend");
      }
      previous = t;
      while (next < sorted.size() && sorted.get(next).time().isBefore(t)) {
        Interaction x = sorted.get(next++);
        pairs.computeIfAbsent(x.key(), key -> new Accumulator(x.a(), x.b(), x.time())).add(x);
      }
      LocalDate day = memberDay(t);
      double sumS = 0;
      double sumA = 0;
      double sumW = 0;
      int observed = 0;
      int negative = 0;
      List<PairAffinity> affinities = withPairs ? new ArrayList<>() : null;
      Instant change = null;
      for (Accumulator p : pairs.values()) {
        if (!counts(schedule, channel, p.left, p.right, day)) {
          continue;
        }
        double decay = decay(p.last, t);
        double s = p.s * decay;
        double a = p.a * decay;
        double w = p.w * decay;
        sumS += s;
        sumA += a;
        sumW += w;
        if (!parameters.observed(w)) {
          continue;
        }
        observed++;
        boolean isNegative = parameters.negative(s);
        if (isNegative) {
          negative++;
        }
        if (withPairs) {
          affinities.add(new PairAffinity(p.left, p.right, affinity(s, a), w, s, a));
        }
        if (queue != null) {
          Instant own = nextStatusChange(p, t, isNegative);
          if (own != null && (change == null || own.isBefore(change))) {
            change = own;
          }
        }
      }
      int memberPairs = schedule.pairsOn(day, channel);
      if (states != null) {
        states.add(new DayState(day, sumS, sumA, sumW, observed, negative, memberPairs));
        if (change != null) {
          queue.add(change);
        }
        continue;
      }
      double denominator = denominator(sumA, memberPairs);
      points.add(
          new CohesionPoint(
              t,
              value(sumS, denominator),
              sumW,
              sumA,
              polarisation(negative, observed),
              observed,
              memberPairs,
              affinities));
    }
    return points;
  }

  /**
   * One point taken apart into per-interaction contributions, by the closed form S = Σ m·g·e^(−λ(t
   * − t_k)): contribution = m·g·e^(−λ(t − t_k)) / D, the same value the recurrence gives.
   */
  public Explanation explain(
      List<Interaction> interactions, MemberSchedule schedule, Channel channel, Instant t) {
    LocalDate day = memberDay(t);
    Map<String, double[]> perPair = new TreeMap<>();
    List<Interaction> counted = new ArrayList<>();
    List<Double> decays = new ArrayList<>();
    double sumS = 0;
    double sumA = 0;
    double sumW = 0;
    for (Interaction x : sortedOf(interactions, channel)) {
      if (!x.time().isBefore(t) || !counts(schedule, channel, x.a(), x.b(), day)) {
        continue;
      }
      double decay = decay(x.time(), t);
      double s = x.mass() * x.weight() * decay;
      double[] pair = perPair.computeIfAbsent(x.key(), key -> new double[2]);
      pair[0] += s;
      pair[1] += x.mass() * decay;
      sumS += s;
      sumA += x.mass() * Math.abs(x.weight()) * decay;
      sumW += x.mass() * decay;
      counted.add(x);
      decays.add(decay);
    }
    int observed = (int) perPair.values().stream().filter(p -> parameters.observed(p[1])).count();
    long negative =
        perPair.values().stream()
            .filter(p -> parameters.observed(p[1]) && parameters.negative(p[0]))
            .count();
    int memberPairs = schedule.pairsOn(day, channel);
    double denominator = denominator(sumA, memberPairs);
    List<Contribution> contributions = new ArrayList<>(counted.size());
    for (int i = 0; i < counted.size(); i++) {
      Interaction x = counted.get(i);
      double share = denominator == 0 ? 0 : x.mass() * x.weight() * decays.get(i) / denominator;
      contributions.add(new Contribution(x, decays.get(i), share));
    }
    return new Explanation(
        t,
        value(sumS, denominator),
        sumW,
        sumA,
        polarisation((int) negative, observed),
        observed,
        memberPairs,
        denominator,
        contributions);
  }

  /**
   * The first day boundary after {@code t} at which an observed pair, decaying without new
   * interactions, is no longer observed or (when negative at t) no longer negative; null when never
   * (θ = 0) or beyond the calendar. Estimated from the closed form, then settled with the same
   * arithmetic the points use, so stored counts equal recomputed ones exactly.
   */
  private Instant nextStatusChange(Accumulator p, Instant t, boolean isNegative) {
    double threshold = parameters.observation();
    if (!(threshold > 0)) {
      return null;
    }
    double seconds = Math.log(p.w / threshold) / lambda;
    if (isNegative) {
      seconds = Math.min(seconds, Math.log(-p.s / (10 * threshold)) / lambda);
    }
    double fromT = seconds - Duration.between(p.last, t).getSeconds();
    if (!(fromT < 400L * 365 * 86_400)) {
      return null;
    }
    long days = Math.max(1, (long) Math.ceil(Math.max(0, fromT) / 86_400.0));
    Instant b = t.plus(Duration.ofDays(days));
    while (b.isAfter(t.plus(Duration.ofDays(1)))
        && changed(p, b.minus(Duration.ofDays(1)), isNegative)) {
      b = b.minus(Duration.ofDays(1));
    }
    while (!changed(p, b, isNegative)) {
      b = b.plus(Duration.ofDays(1));
    }
    return b;
  }

  private boolean changed(Accumulator p, Instant b, boolean wasNegative) {
    double decay = decay(p.last, b);
    return !parameters.observed(p.w * decay) || (wasNegative && !parameters.negative(p.s * decay));
  }

  /** D = Σ A + 10 · k · N: the evidence's intensity plus k full-strength neutral units per pair. */
  private double denominator(double sumA, int memberPairs) {
    return sumA + 10 * parameters.k() * memberPairs;
  }

  private static double value(double sumS, double denominator) {
    return denominator == 0 ? 0 : sumS / denominator;
  }

  /** One pair alone, with the same pull toward 0: S / (A + 10 · k). */
  private double affinity(double s, double a) {
    double denominator = a + 10 * parameters.k();
    return denominator == 0 ? 0 : s / denominator;
  }

  private static double polarisation(int negative, int observed) {
    return observed == 0 ? 0 : (double) negative / observed;
  }

  private double decay(Instant from, Instant to) {
    Duration elapsed = Duration.between(from, to);
    double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;
    return Math.exp(-lambda * seconds);
  }

  private static boolean counts(
      MemberSchedule schedule, Channel channel, String a, String b, LocalDate day) {
    return schedule.isMember(a, day)
        && (channel == Channel.INSTITUTION || schedule.isMember(b, day));
  }

  private static List<Interaction> sortedOf(List<Interaction> interactions, Channel channel) {
    return interactions.stream()
        .filter(x -> x.channel() == channel && x.mass() > 0)
        .sorted(ORDER)
        .toList();
  }

  /** One pair's S, A and W as of the time of its last interaction. */
  private final class Accumulator {
    private final String left;
    private final String right;
    private Instant last;
    private double s;
    private double a;
    private double w;

    Accumulator(String left, String right, Instant first) {
      this.left = left;
      this.right = right;
      this.last = first;
    }

    void add(Interaction x) {
      double decay = decay(last, x.time());
      s = s * decay + x.mass() * x.weight();
      a = a * decay + x.mass() * Math.abs(x.weight());
      w = w * decay + x.mass();
      last = x.time();
    }
  }
}
