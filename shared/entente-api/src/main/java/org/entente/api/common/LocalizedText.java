package org.entente.api.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A text in a language given as a BCP 47 tag (nl, en, de-CH). */
public record LocalizedText(
    @NotBlank @Pattern(regexp = Ids.LANGUAGE_TAG, message = "must be a BCP 47 language tag")
        String language,
    @NotBlank String text) {}
