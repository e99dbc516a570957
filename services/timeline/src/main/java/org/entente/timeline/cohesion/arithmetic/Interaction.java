package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;

/**
 * One resolved piece of evidence on one member pair (channel PAIR, {@code a < b}) or between one
 * member {@code a} and the group itself {@code b} (channel INSTITUTION). It adds {@code mass ×
 * weight} to the pair's net affinity S, {@code mass × |weight|} to its intensity A and {@code mass}
 * to its evidence W, where {@code mass = reliability × share}.
 *
 * @param weight the position on the scale, in [−10, 10]
 * @param reliability from the best attribution grade of the record's sources
 * @param share 1 for a statement; 2/(n(n−1)) for an event with n parties, so that one event counts
 *     as one interaction however many take part
 * @param code the CAMEO code the weight stands for
 * @param occasion the diplomatic event (a statement made at none is its own occasion); reciprocal
 *     duplicates are found per occasion
 */
public record Interaction(
    FactKind factKind,
    String factId,
    Instant time,
    Channel channel,
    String a,
    String b,
    Direction direction,
    double weight,
    double reliability,
    double share,
    String code,
    String occasion) {

  public double mass() {
    return reliability * share;
  }

  /** Identifies the record this interaction comes from. */
  public String factKey() {
    return keyOf(factKind, factId);
  }

  /** Identifies the member pair, or the member-institution pair, it counts on. */
  public String key() {
    return channel + "|" + a + "|" + b;
  }

  public static String keyOf(FactKind kind, String id) {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
