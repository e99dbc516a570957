package org.entente.api.statement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.Citation;

/** Cite one more source for a statement. */
public record CiteSource(
    @TargetAggregateIdentifier @NotBlank String statementId, @NotNull @Valid Citation citation) {}
