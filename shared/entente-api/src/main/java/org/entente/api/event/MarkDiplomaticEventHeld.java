package org.entente.api.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.EventTime;

/** A scheduled event took place; {@code time}, when given, is when it actually happened. */
public record MarkDiplomaticEventHeld(
    @TargetAggregateIdentifier @NotBlank String eventId, @Valid EventTime time) {}
