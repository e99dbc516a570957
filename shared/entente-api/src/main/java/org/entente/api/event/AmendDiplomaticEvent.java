package org.entente.api.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;

/**
 * Amend what is known of an event. Fields left empty stay as they were; {@code expectedVersion},
 * when given, rejects the amendment if someone else changed the event first.
 */
public record AmendDiplomaticEvent(
    @TargetAggregateIdentifier @NotBlank String eventId,
    @TargetAggregateVersion Long expectedVersion,
    EventKind kind,
    String title,
    @Valid EventTime time,
    String location,
    List<@NotNull @Valid Participant> participants,
    List<@NotNull @Valid Citation> sources,
    @NotBlank String reason) {}
