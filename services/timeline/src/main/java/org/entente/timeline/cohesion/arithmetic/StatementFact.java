package org.entente.timeline.cohesion.arithmetic;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Weight;
import org.entente.api.statement.Stance;

/** What the indicator knows of one statement in one version (as the fact store holds it). */
public record StatementFact(
    String statementId,
    String speakerId,
    String eventId,
    List<String> targetIds,
    EventTime saidAt,
    Stance stance,
    String cameoCode,
    Weight weight,
    List<Citation> citations) {

  public StatementFact {
    targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
    citations = citations == null ? List.of() : List.copyOf(citations);
  }
}
