package org.entente.api.event;

import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw the record of an event (it was wrongly recorded), keeping its history. */
public record RetractDiplomaticEvent(
    @TargetAggregateIdentifier @NotBlank String eventId, @NotBlank String reason) {}
