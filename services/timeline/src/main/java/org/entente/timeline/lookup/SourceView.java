package org.entente.timeline.lookup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A registered source as known in a snapshot. Sources are registered once and never change. */
@Schema(description = "A source as known at asOf (record time; now if not given)")
public record SourceView(
    String id,
    String title,
    String publisher,
    String url,
    Instant publishedAt,
    String language,
    Instant recordedAt,
    long position,
    List<Version> versions,
    Instant asOf,
    Links links) {

  /** A version of the source and its record-time interval (the end is null while current). */
  public record Version(
      int version, String change, Instant recordedFrom, Instant recordedTo, long position) {}

  /** Where to read more about the source. */
  public record Links(String self, String stream, String history) {}
}
