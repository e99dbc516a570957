package org.entente.api.statement;

import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;

public record StatementRecorded(
    String statementId,
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
    List<LocalizedText> translations,
    List<Citation> citations)
    implements StatementEvent {}
