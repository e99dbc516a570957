package org.entente.api.statement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;

/**
 * Correct a statement: fields left empty stay as they were, {@code reason} says why. {@code
 * expectedVersion}, when given, rejects the correction if the statement changed since.
 */
public record CorrectStatement(
    @TargetAggregateIdentifier @NotBlank String statementId,
    @TargetAggregateVersion Long expectedVersion,
    String speakerId,
    String eventId,
    List<@NotBlank String> targetIds,
    @Valid EventTime saidAt,
    Stance stance,
    String cameoCode,
    @Valid Weight weight,
    String weightOverrideReason,
    List<@NotBlank String> topics,
    @Valid LocalizedText original,
    @NotBlank String reason) {}
