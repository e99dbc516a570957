package org.entente.api.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a command's values may hold so that every view can store them (PostgreSQL {@code text},
 * {@code jsonb}, {@code varchar(255)} ids, {@code varchar(35)} languages, {@code timestamptz} and
 * {@code date}). The write side refuses anything beyond these at the edge (the recorder's README
 * lists them); stored events are never checked against them again.
 */
public final class Limits {

  /** Ids of aggregates and references to them (views key them as varchar(255)). */
  public static final int ID = 128;

  /** CAMEO codes, scale names and versions. */
  public static final int CODE = 64;

  /** BCP 47 language tags (views hold varchar(35), the longest tag RFC 5646 requires). */
  public static final int LANGUAGE = 35;

  /** Single-line texts: names, aliases, titles, locations, publishers, topics, external ids. */
  public static final int SHORT_TEXT = 1_000;

  /** Source URLs. */
  public static final int URL = 2_048;

  /** Reasons for a correction, retraction or weight override (may span lines). */
  public static final int REASON = 10_000;

  /** A statement's text, a translation, a cited quote (may span lines). */
  public static final int TEXT = 100_000;

  /** The full text of a source (may span lines). */
  public static final int SOURCE_TEXT = 1_000_000;

  /** Entries of any list (topics, targets, participants, citations, translations, aliases). */
  public static final int LIST_ENTRIES = 200;

  /** Entries of any map (external ids). */
  public static final int MAP_ENTRIES = 100;

  /** The earliest date or instant accepted: 0001-01-01 (UTC). */
  public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

  /** The latest date accepted: 9999-12-31. */
  public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  /** Instants are stored to the microsecond (PostgreSQL's resolution); finer ones are refused. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

  private Limits() {}
}
