package org.entente.api.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A source cited for a fact, with the excerpt it rests on and how it is attributed.
 *
 * <p>{@code reportedBy} is the chain the words came through when the source did not have them
 * first-hand, nearest the source first: the cited article reports what {@code reportedBy[0]}
 * reported, who had it from {@code reportedBy[1]}, and so on towards the speaker. Absent (null)
 * when the source reports first-hand or the chain is unknown.
 */
public record Citation(
    @NotBlank String sourceId,
    @Valid Excerpt excerpt,
    @NotNull AttributionGrade grade,
    List<@Valid ReportedBy> reportedBy) {

  public Citation {
    // not List.copyOf: a null link must reach the rules, which name its field
    reportedBy =
        reportedBy == null || reportedBy.isEmpty()
            ? null
            : Collections.unmodifiableList(new ArrayList<>(reportedBy));
  }

  /** A citation of a source that reports first-hand. */
  public Citation(String sourceId, Excerpt excerpt, AttributionGrade grade) {
    this(sourceId, excerpt, grade, null);
  }

  /** The chain, empty when the source reports first-hand. */
  public List<ReportedBy> chain() {
    return reportedBy == null ? List.of() : reportedBy;
  }
}
