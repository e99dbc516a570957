package org.entente.api.event;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelDiplomaticEvent(
    @TargetAggregateIdentifier @NotBlank String eventId, @NotBlank String reason) {}
