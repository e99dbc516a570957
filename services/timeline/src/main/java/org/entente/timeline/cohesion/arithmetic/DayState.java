package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One channel's sums at the end of a change day (a day with an interaction, or with a change of the
 * member set), over the pairs counted then: what the store keeps per group and day. Until the next
 * change day the sums only decay, Σ S(t) = sumS · e^(−λ (t − end)), and the counts stay.
 *
 * @param sumS Σ S over the counted pairs, at {@link #end()}
 * @param sumA Σ A, likewise
 * @param sumW Σ W, likewise
 * @param observed counted pairs with an interaction so far
 * @param negative counted pairs whose S is negative (the sign does not change as S decays)
 * @param memberPairs the pairs the group has on that day
 */
public record DayState(
    LocalDate day,
    double sumS,
    double sumA,
    double sumW,
    int observed,
    int negative,
    int memberPairs) {

  /** The instant the state holds at: the end of its day (exclusive), UTC. */
  public Instant end() {
    return day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
