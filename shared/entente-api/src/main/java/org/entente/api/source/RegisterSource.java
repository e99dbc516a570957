package org.entente.api.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.entente.api.common.Ids;

/**
 * Register a document that facts are taken from. The full text is optional; when it is given, its
 * SHA-256 is stored with it and citations are checked against it.
 */
public record RegisterSource(
    @TargetAggregateIdentifier @NotBlank @Pattern(regexp = Ids.AGGREGATE_ID) String sourceId,
    @NotBlank String publisher,
    @Pattern(regexp = Ids.HTTP_URL, message = "must be an absolute http(s) URL") String url,
    @NotBlank String title,
    Instant publishedAt,
    @NotBlank @Pattern(regexp = Ids.LANGUAGE_TAG, message = "must be a BCP 47 language tag")
        String language,
    String text) {}
