package org.entente.timeline.cohesion;

import io.swagger.v3.oas.annotations.media.Schema;
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
  static final String INDICATOR = "decayed-intra-group-affinity/4";

  private CohesionViews() {}

  record GroupRef(String id, String name) {}

  record ParametersView(
      double halfLifeDays,
      double k,
      Map<AttributionGrade, Double> reliability,
      String scale,
      List<String> members,
      @Schema(
              description =
                  "θ: a pair is observed while its decayed evidence W is at least θ, and negative"
                      + " while its net S is below −10·θ")
          double observation) {

    static ParametersView of(CohesionParameters p) {
      return new ParametersView(
          p.halfLifeDays(),
          p.k(),
          p.reliability(),
          p.scale().id(),
          p.members() == null ? null : List.copyOf(p.members()),
          p.observation());
    }
  }

  /**
   * The window a series answers with, and which of its parameters were chosen because the request
   * left them out.
   */
  record Window(
      LocalDate from,
      LocalDate to,
      String resolution,
      @Schema(description = "The parameters chosen by default: from, to, resolution")
          List<String> defaulted,
      @Schema(description = "Whether the default window was cut to its latest maxPoints buckets")
          boolean truncated,
      @Schema(description = "When truncated: pass as to for the page before this one")
          LocalDate earlierTo,
      int maxPoints) {}

  /**
   * A band around a point's value: the 5th and 95th percentiles of the value recomputed on {@code
   * samples} bootstrap resamples (with a fixed seed) of the records counted at the point.
   */
  record Interval(double low, double high, double level, int samples, String method) {}

  /**
   * The literature's plain measures on the same bucket: the records between members that happened
   * in it (each once, not decayed, not weighted by reliability).
   *
   * @param meanWeight their mean weight: the mean intra-group Goldstein score on the default scale
   * @param cooperativeShare the share of verbal and material cooperation (CAMEO roots 01–08)
   * @param conflictualShare the share of verbal and material conflict (roots 09–20)
   */
  record Plain(
      int records,
      Double meanWeight,
      int verbalCooperation,
      int materialCooperation,
      int verbalConflict,
      int materialConflict,
      int unclassified,
      Double cooperativeShare,
      Double conflictualShare) {}

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
      List<PairAffinity> pairs,
      @Schema(description = "With interval=true: a 90% bootstrap band around value")
          Interval interval,
      @Schema(description = "With plain=true: mean Goldstein and quad-class shares of the bucket")
          Plain plain) {

    Point(
        LocalDate time,
        Instant at,
        double value,
        double coverage,
        double intensity,
        double polarisation,
        int observedPairs,
        int memberPairs,
        List<PairAffinity> pairs) {
      this(
          time,
          at,
          value,
          coverage,
          intensity,
          polarisation,
          observedPairs,
          memberPairs,
          pairs,
          null,
          null);
    }
  }

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
      List<Point> institutionSeries,
      @Schema(description = "The window answered, and what was chosen by default") Window window) {}

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
      List<String> reciprocalDuplicates,
      @Schema(
              description =
                  "True when the record shares the credit of an interaction with reciprocal"
                      + " records of the same occasion (each gets an equal part)")
          boolean merged,
      @Schema(description = "The records it shares credit with") List<String> mergedWith) {}

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
      @Schema(description = "Records left out as below minShare of the gross value") int omitted,
      @Schema(description = "Their contributions' sum: listed + omitted = value")
          double omittedContribution,
      double institutionValue,
      List<Contributor> institutionContributors,
      int institutionOmitted,
      double institutionOmittedContribution,
      @Schema(description = "The floor: a fraction of the point's gross value Σ |contribution|")
          double minShare) {}
}
