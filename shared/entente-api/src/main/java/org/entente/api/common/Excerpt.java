package org.entente.api.common;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * The cited words as character offsets into the source text, {@code [start, end)}. When {@code
 * quote} is given it must equal the text between the offsets.
 *
 * <p>Offsets count Unicode code points, not UTF-16 chars: an emoji such as 😀 counts once (a flag,
 * two regional-indicator code points, twice), as Python's string indices do. When the source was
 * registered without text the offsets cannot be checked and are recorded as given.
 */
public record Excerpt(@PositiveOrZero int start, @PositiveOrZero int end, String quote) {}
