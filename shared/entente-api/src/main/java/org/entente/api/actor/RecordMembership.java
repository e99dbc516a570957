package org.entente.api.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that an actor (usually a state) is a member of an alliance, group or organisation for a
 * period ({@code to} empty while it lasts): Sweden in NATO from 2024-03-07.
 */
public record RecordMembership(
    @TargetAggregateIdentifier @NotBlank String actorId,
    @NotBlank String groupId,
    @NotNull LocalDate from,
    LocalDate to) {}
