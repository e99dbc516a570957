package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The literature's plain measures of a bucket, for comparison with GDELT-style numbers: the records
 * between members that happened in {@code [from, to)} (reciprocal records of one occasion included:
 * a plain count does not merge them), each counted once, neither decayed nor weighted by
 * reliability: their mean weight (the mean intra-group Goldstein score on the default scale) and
 * their CAMEO quad classes, by root code: 01–05 verbal cooperation, 06–08 material cooperation,
 * 09–14 verbal conflict, 15–20 material conflict. A record without a CAMEO code is unclassified and
 * left out of the shares.
 *
 * @param meanWeight null when the bucket holds no record
 * @param cooperativeShare (verbal + material cooperation) / classified records; null without any
 * @param conflictualShare (verbal + material conflict) / classified records; null without any
 */
public record PlainMeasures(
    int records,
    Double meanWeight,
    int verbalCooperation,
    int materialCooperation,
    int verbalConflict,
    int materialConflict,
    int unclassified,
    Double cooperativeShare,
    Double conflictualShare) {

  /** The quad class of a CAMEO code by its two-digit root: 1–4, or 0 when it has none. */
  public static int quadClass(String code) {
    if (code == null || code.length() < 2) {
      return 0;
    }
    int root;
    try {
      root = Integer.parseInt(code.substring(0, 2));
    } catch (NumberFormatException e) {
      return 0;
    }
    if (root >= 1 && root <= 5) {
      return 1;
    }
    if (root >= 6 && root <= 8) {
      return 2;
    }
    if (root >= 9 && root <= 14) {
      return 3;
    }
    if (root >= 15 && root <= 20) {
      return 4;
    }
    return 0;
  }

  /** The measures of the member-pair interactions that happened in {@code [from, to)}. */
  public static PlainMeasures of(List<Interaction> interactions, Instant from, Instant to) {
    // one entry per record: the mean of its pairs' weights and its first code
    Map<String, double[]> weights = new LinkedHashMap<>();
    Map<String, String> codes = new LinkedHashMap<>();
    for (Interaction x : interactions) {
      if (x.channel() != Channel.PAIR
          || !(x.mass() > 0)
          || x.time().isBefore(from)
          || !x.time().isBefore(to)) {
        continue;
      }
      double[] w = weights.computeIfAbsent(x.factKey(), k -> new double[2]);
      w[0] += x.weight();
      w[1]++;
      codes.putIfAbsent(x.factKey(), x.code());
    }
    int[] quad = new int[5];
    double sum = 0;
    for (Map.Entry<String, double[]> e : weights.entrySet()) {
      sum += e.getValue()[0] / e.getValue()[1];
      quad[quadClass(codes.get(e.getKey()))]++;
    }
    int n = weights.size();
    int classified = n - quad[0];
    return new PlainMeasures(
        n,
        n == 0 ? null : sum / n,
        quad[1],
        quad[2],
        quad[3],
        quad[4],
        quad[0],
        classified == 0 ? null : (double) (quad[1] + quad[2]) / classified,
        classified == 0 ? null : (double) (quad[3] + quad[4]) / classified);
  }
}
