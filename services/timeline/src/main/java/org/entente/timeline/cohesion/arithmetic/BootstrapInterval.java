package org.entente.timeline.cohesion.arithmetic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How much a point's value rests on the particular records behind it: the records counted at the
 * point (each with all its pairs, since one record's pairs are not independent evidence) are drawn
 * with replacement {@link #SAMPLES} times, the value C* = Σ S* / (Σ A* + 10 · k · N) recomputed on
 * each resample, and the 5th and 95th percentiles reported. The seed is fixed per point (its
 * instant), so the same facts always give the same band, whatever window it is asked in.
 */
public final class BootstrapInterval {

  public static final int SAMPLES = 200;
  public static final double LEVEL = 0.90;
  public static final String METHOD = "bootstrap over the records counted at the point";
  private static final long SEED = 0x436f6865L; // "Cohe"

  /** A band around a value. */
  public record Band(double low, double high) {}

  private BootstrapInterval() {}

  /**
   * The band of a point taken apart into contributions (see {@link CohesionCalculator#explain}).
   */
  public static Band of(Explanation point) {
    Map<String, double[]> perRecord = new TreeMap<>();
    for (Contribution c : point.contributions()) {
      Interaction x = c.interaction();
      double[] r = perRecord.computeIfAbsent(x.factKey(), k -> new double[2]);
      r[0] += x.mass() * x.weight() * c.decay();
      r[1] += x.mass() * Math.abs(x.weight()) * c.decay();
    }
    double pseudo = point.denominator() - point.intensity();
    List<double[]> records = List.copyOf(perRecord.values());
    int n = records.size();
    if (n == 0) {
      return new Band(point.value(), point.value());
    }
    SplittableRandom random = new SplittableRandom(SEED ^ point.at().getEpochSecond());
    double[] values = new double[SAMPLES];
    for (int b = 0; b < SAMPLES; b++) {
      double s = 0;
      double a = 0;
      for (int i = 0; i < n; i++) {
        double[] r = records.get(random.nextInt(n));
        s += r[0];
        a += r[1];
      }
      double d = a + pseudo;
      values[b] = d == 0 ? 0 : s / d;
    }
    Arrays.sort(values);
    double tail = (1 - LEVEL) / 2;
    int low = (int) Math.floor(tail * (SAMPLES - 1));
    int high = (int) Math.ceil((1 - tail) * (SAMPLES - 1));
    return new Band(values[low], values[high]);
  }
}
