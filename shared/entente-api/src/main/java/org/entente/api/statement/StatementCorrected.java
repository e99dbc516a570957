package org.entente.api.statement;

import java.util.List;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;

/** The new values of the fields named in {@code changed}; the others are null. */
public record StatementCorrected(
    String statementId,
    List<String> changed,
    String speakerId,
    String eventId,
    List<String> targetIds,
    EventTime saidAt,
    Stance stance,
    String cameoCode,
    Weight weight,
    String weightOverrideReason,
    List<String> topics,
    LocalizedText original,
    String reason)
    implements StatementEvent {}
