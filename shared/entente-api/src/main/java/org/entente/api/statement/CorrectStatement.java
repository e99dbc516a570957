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
 * Correct a statement: fields left empty stay as they were, {@code reason} says why.
 *
 * <p>{@code expectedVersion} (If-Match) is the version the correction was made on: it is refused if
 * a field it sets was changed by another correction since, and merged with the changes to other
 * fields. {@code addTopics}/{@code removeTopics} and {@code addTargetIds}/{@code removeTargetIds}
 * change the current list element by element (they never conflict); {@code topics} and {@code
 * targetIds} replace it.
 */
public record CorrectStatement(
    @TargetAggregateIdentifier @NotBlank String statementId,
    @TargetAggregateVersion Long expectedVersion,
    String speakerId,
    String eventId,
    List<@NotBlank String> targetIds,
    List<@NotBlank String> addTargetIds,
    List<@NotBlank String> removeTargetIds,
    @Valid EventTime saidAt,
    Stance stance,
    String cameoCode,
    @Valid Weight weight,
    String weightOverrideReason,
    List<@NotBlank String> topics,
    List<@NotBlank String> addTopics,
    List<@NotBlank String> removeTopics,
    @Valid LocalizedText original,
    @NotBlank String reason) {}
