package org.entente.timeline.cohesion;

import java.util.ArrayList;
import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Weight;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;

/** What the indicator knows of one statement in one version. */
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

  public static StatementFact of(StatementRecorded e) {
    return new StatementFact(
        e.statementId(),
        e.speakerId(),
        e.eventId(),
        e.targetIds(),
        e.saidAt(),
        e.stance(),
        e.cameoCode(),
        e.weight(),
        e.citations());
  }

  /** A correction carries new values for the fields it changed and nulls for the others. */
  public StatementFact corrected(StatementCorrected c) {
    boolean eventCleared = c.changed() != null && c.changed().contains("eventId");
    return new StatementFact(
        statementId,
        c.speakerId() != null ? c.speakerId() : speakerId,
        c.eventId() != null || eventCleared ? c.eventId() : eventId,
        c.targetIds() != null ? c.targetIds() : targetIds,
        c.saidAt() != null ? c.saidAt() : saidAt,
        c.stance() != null ? c.stance() : stance,
        c.cameoCode() != null ? c.cameoCode() : cameoCode,
        c.weight() != null ? c.weight() : weight,
        citations);
  }

  public StatementFact cited(SourceCited c) {
    List<Citation> more = new ArrayList<>(citations);
    more.add(c.citation());
    return new StatementFact(
        statementId, speakerId, eventId, targetIds, saidAt, stance, cameoCode, weight, more);
  }
}
