package org.entente.api.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record Participant(@NotBlank String actorId, @NotNull ParticipantPart part) {}
