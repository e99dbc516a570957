package org.entente.timeline.cohesion.arithmetic;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interactions of one group, ready for the calculator.
 *
 * @param facts the records behind the interactions, by {@link FactSummary#key()}
 * @param duplicates reciprocal duplicates left out, each naming the interaction it duplicates
 * @param otherScale records left out because their weight is on another scale
 * @param scaleVersions the scale versions of the weights used
 */
public record Resolution(
    String groupId,
    List<Interaction> interactions,
    Map<String, FactSummary> facts,
    MemberSchedule schedule,
    List<Duplicate> duplicates,
    int otherScale,
    Set<String> scaleVersions) {

  /** A record of an occasion that was already counted from the other side. */
  public record Duplicate(Interaction left, Interaction kept) {}
}
