package org.entente.api.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A source cited for a fact, with the excerpt it rests on and how it is attributed. */
public record Citation(
    @NotBlank String sourceId, @Valid Excerpt excerpt, @NotNull AttributionGrade grade) {}
