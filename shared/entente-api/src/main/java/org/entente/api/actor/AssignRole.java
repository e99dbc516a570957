package org.entente.api.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a person a role at a state or organisation for a period ({@code to} empty while it lasts):
 * Hegseth, Secretary of Defense at the United States, from 2025-01-25. A person speaks for the
 * actor they hold a role at.
 */
public record AssignRole(
    @TargetAggregateIdentifier @NotBlank String actorId,
    @NotBlank String title,
    @NotBlank String atActorId,
    @NotNull LocalDate from,
    LocalDate to) {}
