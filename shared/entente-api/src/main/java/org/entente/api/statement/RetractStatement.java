package org.entente.api.statement;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractStatement(
    @TargetAggregateIdentifier @NotBlank String statementId, @NotBlank String reason) {}
