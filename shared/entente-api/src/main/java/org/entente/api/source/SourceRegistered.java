package org.entente.api.source;

import java.time.Instant;

/** A registered source. {@code textSha256} is the hex SHA-256 of the UTF-8 text, if any. */
public record SourceRegistered(
    String sourceId,
    String publisher,
    String url,
    String title,
    Instant publishedAt,
    String language,
    String text,
    String textSha256)
    implements SourceEvent {}
