package org.entente.timeline.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses the read side's query parameters, naming the parameter in every rejection. */
public final class QueryParameters {

  /** Years 0001–9999: what every view's timestamptz and date columns hold. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final Pattern JAVA_NAME =
      Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

  private QueryParameters() {}

  /**
   * An instant: ISO-8601 with offset ({@code 2025-02-14T09:00:00Z}, {@code
   * 2025-02-14T10:00:00+01:00}) or a date, read as the start of that day in UTC.
   */
  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return inRange(name, LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return inRange(name, OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException e) {
      throw new BadQueryParameterException(
          name, "'" + value + "' is not an ISO-8601 instant (2025-02-14T09:00:00Z) or date");
    }
  }

  /**
   * Why a parameter value cannot be used (a control character such as NUL, or a lone surrogate), or
   * null when it can.
   */
  public static String unusable(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return "must not contain control character "
            + String.format("U+%04X", (int) c)
            + " (found at index "
            + i
            + ")";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not contain a lone surrogate (found at index " + i + ")";
      }
    }
    return null;
  }

  /** A text safe to show in a field name: control characters and surrogates escaped, cut short. */
  public static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      out.append(
          Character.isISOControl(c) || Character.isSurrogate(c)
              ? String.format("U+%04X", (int) c)
              : String.valueOf(c));
    }
    return out.toString();
  }

  /**
   * Event type names as given to {@code type}: Java names, simple ({@code StatementRecorded}) or
   * qualified; anything else (a backslash, a LIKE wildcard) matches no stored type.
   */
  public static String typeName(String name, String value) {
    if (!JAVA_NAME.matcher(value).matches()) {
      throw new BadQueryParameterException(
          name,
          "'"
              + printable(value)
              + "' is not an event type name (StatementRecorded or"
              + " org.entente.api.statement.StatementRecorded)");
    }
    return value;
  }

  /** An instant within what PostgreSQL and the views hold (years 0001–9999), else a 400. */
  public static Instant inRange(String name, Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw new BadQueryParameterException(
          name, "must lie between " + EARLIEST + " and " + LATEST + ", not " + value);
    }
    return value;
  }

  /** Whether a time parameter was given as a bare date (a whole day). */
  public static boolean isDate(String value) {
    return value != null && value.strip().length() == 10;
  }

  /** An enum constant, case-insensitive, dashes read as underscores. */
  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String constant = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, constant);
    } catch (IllegalArgumentException e) {
      throw new BadQueryParameterException(
          name, "'" + value + "' is not one of " + names(type.getEnumConstants()));
    }
  }

  /** Values given as repeated parameters and/or comma-separated, upper-cased. */
  public static Set<String> upperCaseList(List<String> values) {
    Set<String> result = new LinkedHashSet<>();
    if (values != null) {
      for (String value : values) {
        for (String part : value.split(",")) {
          if (!part.isBlank()) {
            result.add(part.strip().replace('-', '_').toUpperCase(Locale.ROOT));
          }
        }
      }
    }
    return result;
  }

  public static String names(Enum<?>[] constants) {
    return Arrays.stream(constants)
        .map(c -> c.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
