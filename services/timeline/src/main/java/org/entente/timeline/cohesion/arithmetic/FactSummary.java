package org.entente.timeline.cohesion.arithmetic;

import java.time.Instant;
import java.util.List;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;

/**
 * The record behind interactions, as contributor lists show it.
 *
 * @param label stance and code of a statement, or kind and title of an event
 * @param grade the best attribution grade among its sources (ALLEGED_UNCONFIRMED when it has none)
 * @param eventId the diplomatic event: the event itself, or the one a statement was made at
 */
public record FactSummary(
    FactKind kind,
    String factId,
    Instant time,
    String label,
    String speakerId,
    List<String> targetIds,
    String eventId,
    AttributionGrade grade,
    double reliability,
    List<Citation> sources) {

  public String key() {
    return Interaction.keyOf(kind, factId);
  }
}
