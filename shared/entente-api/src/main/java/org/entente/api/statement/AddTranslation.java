package org.entente.api.statement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.LocalizedText;

/** Add a translation of the statement's original text; {@code translator} says who made it. */
public record AddTranslation(
    @TargetAggregateIdentifier @NotBlank String statementId,
    @NotNull @Valid LocalizedText translation,
    String translator) {}
