package org.entente.timeline.cohesion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.entente.api.common.AttributionGrade;
import org.entente.timeline.cohesion.arithmetic.CohesionParameters;
import org.entente.timeline.cohesion.arithmetic.PairAffinity;

/** The JSON shapes of the cohesion endpoints. */
final class CohesionViews {

  /** Names the indicator's definition; bumped when the formula or its rules change. */
  static final String INDICATOR = "decayed-intra-group-affinity/3";

  private CohesionViews() {}

  record GroupRef(String id, String name) {}

  record ParametersView(
      double halfLifeDays,
      double k,
      Map<AttributionGrade, Double> reliability,
      String scale,
      List<String> members) {

    static ParametersView of(CohesionParameters p) {
      return new ParametersView(
          p.halfLifeDays(),
          p.k(),
          p.reliability(),
          p.scale().id(),
          p.members() == null ? null : List.copyOf(p.members()));
    }
  }

  /**
   * @param interactions pair and institution interactions counted
   * @param reciprocalDuplicates records left out as the other side of one counted already
   * @param otherScale records left out because their weight is on another scale
   */
  record Evidence(int interactions, int reciprocalDuplicates, int otherScale) {}

  /**
   * @param intensity Σ A, the denominator's evidence part
   * @param memberPairs N, the pairs the group has then (members, in the institution series)
   */
  record Point(
      LocalDate time,
      Instant at,
      double value,
      double coverage,
      double intensity,
      double polarisation,
      int observedPairs,
      int memberPairs,
      List<PairAffinity> pairs) {}

  record Series(
      GroupRef group,
      String indicator,
      String scale,
      String scaleVersion,
      List<String> scaleVersionsUsed,
      boolean whatIf,
      Instant asOf,
      ParametersView parameters,
      String resolution,
      Evidence evidence,
      List<Point> points,
      List<Point> institutionSeries) {}

  record SourceRef(String sourceId, AttributionGrade grade, Integer start, Integer end) {}

  /**
   * One record's part in a value: the sum of the contributions of its interactions.
   *
   * @param statementId the statement, for a statement
   * @param eventId the event itself, or the event a statement was made at
   * @param weights the scale weight of each code its interactions carry
   * @param interactions how many member pairs (or members, in the institution series) it counts on
   */
  record Contributor(
      String kind,
      String statementId,
      String eventId,
      String label,
      Instant time,
      String speakerId,
      List<String> targetIds,
      double contribution,
      int interactions,
      Map<String, Double> weights,
      AttributionGrade grade,
      double reliability,
      List<SourceRef> sources,
      List<String> reciprocalDuplicates) {}

  record Contributors(
      GroupRef group,
      String indicator,
      String scale,
      String scaleVersion,
      boolean whatIf,
      Instant asOf,
      ParametersView parameters,
      String time,
      Instant at,
      double value,
      double coverage,
      double intensity,
      double polarisation,
      int observedPairs,
      int memberPairs,
      double denominator,
      List<Contributor> contributors,
      double institutionValue,
      List<Contributor> institutionContributors) {}
}
