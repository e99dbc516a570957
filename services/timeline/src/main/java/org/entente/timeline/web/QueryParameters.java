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
import java.util.stream.Collectors;

/** Parses the read side's query parameters, naming the parameter in every rejection. */
public final class QueryParameters {

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
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new BadQueryParameterException(
          name, "'" + value + "' is not an ISO-8601 instant (2025-02-14T09:00:00Z) or date");
    }
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
