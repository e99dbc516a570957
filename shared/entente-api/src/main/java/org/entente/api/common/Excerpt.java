package org.entente.api.common;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * The cited words as character offsets into the source text, {@code [start, end)}. When {@code
 * quote} is given it must equal the text between the offsets.
 */
public record Excerpt(@PositiveOrZero int start, @PositiveOrZero int end, String quote) {}
