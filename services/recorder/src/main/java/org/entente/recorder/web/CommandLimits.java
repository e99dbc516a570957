package org.entente.recorder.web;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.entente.api.common.EventTime;
import org.entente.api.common.Limits;
import org.entente.api.source.RegisterSource;

/**
 * Refuses, at the edge, values a command record can hold but a view cannot store: NUL anywhere
 * (PostgreSQL text and jsonb cannot hold it), other control characters outside long texts, lone
 * surrogates, texts and lists beyond {@link Limits}, non-finite numbers, dates and instants outside
 * 0001–9999 or finer than a microsecond, and a DAY or MONTH event time that is not the start of its
 * day or month in UTC. It walks the record generically, so a new command or field is covered
 * without being listed; the field's name picks its kind (ids end in {@code Id}/{@code Ids}).
 */
public final class CommandLimits {

  private static final Set<String> CODES = Set.of("cameoCode", "scale", "scaleVersion");
  private static final Set<String> REASONS = Set.of("reason", "weightOverrideReason");
  private static final Set<String> TEXTS = Set.of("text", "quote");

  /**
   * Each record class's components, looked up once: {@link Class#getRecordComponents()} asks the
   * JVM and copies on every call (a twelfth of a request thread's CPU under ingest).
   */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  private CommandLimits() {}

  /** Every problem found, in field order; empty when the command is within the limits. */
  static List<FieldProblem> check(Object command) {
    List<FieldProblem> problems = new ArrayList<>();
    walk(command, "", "", command.getClass(), problems);
    return problems;
  }

  /**
   * Refuses an id given outside a body (a path variable) that no record can have: too long or with
   * control characters. 400 naming {@code field}.
   */
  public static void requireStorableId(String field, String id) {
    List<FieldProblem> problems = new ArrayList<>();
    text(field, Kind.ID, id, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(
          field + ": " + problems.get(0).reason(), List.of(problems.get(0)));
    }
  }

  private static void walk(
      Object value, String path, String name, Class<?> owner, List<FieldProblem> out) {
    if (value == null) {
      return;
    }
    String field = path.isEmpty() ? JsonProblems.WHOLE_BODY : path;
    if (value instanceof String text) {
      text(field, kind(name, owner), text, out);
    } else if (value instanceof Double number) {
      finite(field, number, out);
    } else if (value instanceof Float number) {
      finite(field, number.doubleValue(), out);
    } else if (value instanceof Instant instant) {
      instant(field, instant, out);
    } else if (value instanceof LocalDate date) {
      date(field, date, out);
    } else if (value instanceof EventTime time) {
      walkComponents(time, path, out);
      precision(join(path, "at"), time, out);
    } else if (value instanceof Collection<?> list) {
      if (list.size() > Limits.LIST_ENTRIES) {
        out.add(problem(field, "at most " + Limits.LIST_ENTRIES + " entries, not " + list.size()));
        return;
      }
      int i = 0;
      for (Object element : list) {
        walk(element, path + "[" + i++ + "]", name, owner, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      if (map.size() > Limits.MAP_ENTRIES) {
        out.add(problem(field, "at most " + Limits.MAP_ENTRIES + " entries, not " + map.size()));
        return;
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String at = path + "[" + printable(key) + "]";
        text(at, Kind.SHORT, key, out);
        walk(entry.getValue(), at, name, owner, out);
      }
    } else if (value instanceof Record record) {
      walkComponents(record, path, out);
    }
    // enums, booleans and integral numbers hold nothing a view cannot store
  }

  private static void walkComponents(Record record, String path, List<FieldProblem> out) {
    for (RecordComponent component : COMPONENTS.get(record.getClass())) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component, e);
      }
      walk(value, join(path, component.getName()), component.getName(), record.getClass(), out);
    }
  }

  /** What a string field holds, by its name: how long it may be and whether it may span lines. */
  enum Kind {
    ID(Limits.ID, false),
    CODE(Limits.CODE, false),
    LANGUAGE(Limits.LANGUAGE, false),
    URL(Limits.URL, false),
    SHORT(Limits.SHORT_TEXT, false),
    REASON(Limits.REASON, true),
    TEXT(Limits.TEXT, true),
    SOURCE_TEXT(Limits.SOURCE_TEXT, true);

    final int maxLength;
    final boolean multiline;

    Kind(int maxLength, boolean multiline) {
      this.maxLength = maxLength;
      this.multiline = multiline;
    }
  }

  static Kind kind(String name, Class<?> owner) {
    if (name.endsWith("Id") || name.endsWith("Ids")) {
      return Kind.ID;
    }
    if (CODES.contains(name)) {
      return Kind.CODE;
    }
    if (name.equals("language")) {
      return Kind.LANGUAGE;
    }
    if (name.equals("url")) {
      return Kind.URL;
    }
    if (REASONS.contains(name)) {
      return Kind.REASON;
    }
    if (TEXTS.contains(name)) {
      return owner == RegisterSource.class ? Kind.SOURCE_TEXT : Kind.TEXT;
    }
    return Kind.SHORT;
  }

  private static void text(String field, Kind kind, String text, List<FieldProblem> out) {
    if (text.length() > kind.maxLength) {
      out.add(problem(field, "at most " + kind.maxLength + " characters, not " + text.length()));
      return;
    }
    String bad = firstBadCharacter(text, kind.multiline);
    if (bad != null) {
      out.add(problem(field, bad));
    }
  }

  /** Why the text cannot be stored, or null when it can. */
  static String firstBadCharacter(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "must not contain U+0000 (NUL), found at index " + i;
      }
      if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) {
        return "must not contain control character "
            + codePoint(c)
            + " (found at index "
            + i
            + (multiline ? "; only line feed, carriage return and tab are allowed here)" : ")");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not contain a lone surrogate " + codePoint(c) + " (found at index " + i + ")";
      }
    }
    return null;
  }

  private static void finite(String field, double value, List<FieldProblem> out) {
    if (!Double.isFinite(value)) {
      out.add(problem(field, "must be a finite number, not " + value));
    }
  }

  private static void instant(String field, Instant instant, List<FieldProblem> out) {
    if (instant.isBefore(Limits.MIN_INSTANT) || instant.isAfter(Limits.MAX_INSTANT)) {
      out.add(
          problem(
              field,
              "must lie between "
                  + Limits.MIN_INSTANT
                  + " and "
                  + Limits.MAX_INSTANT
                  + ", not "
                  + instant));
    } else if (instant.getNano() % 1_000 != 0) {
      out.add(problem(field, "must not be more precise than a microsecond, not " + instant));
    }
  }

  private static void date(String field, LocalDate date, List<FieldProblem> out) {
    if (date.isBefore(Limits.MIN_DATE) || date.isAfter(Limits.MAX_DATE)) {
      out.add(
          problem(
              field,
              "must lie between " + Limits.MIN_DATE + " and " + Limits.MAX_DATE + ", not " + date));
    }
  }

  /** DAY and MONTH times are the start of that day or month in UTC (see {@link EventTime}). */
  private static void precision(String field, EventTime time, List<FieldProblem> out) {
    if (time.at() == null || time.precision() == null) {
      return;
    }
    ZonedDateTime utc = time.at().atZone(ZoneOffset.UTC);
    boolean midnight = utc.toLocalTime().toNanoOfDay() == 0;
    switch (time.precision()) {
      case DAY -> {
        if (!midnight) {
          out.add(
              problem(
                  field,
                  "with precision DAY must be the start of the day in UTC ("
                      + utc.toLocalDate()
                      + "T00:00:00Z), not "
                      + time.at()));
        }
      }
      case MONTH -> {
        if (!midnight || utc.getDayOfMonth() != 1) {
          out.add(
              problem(
                  field,
                  "with precision MONTH must be the start of the month in UTC ("
                      + utc.toLocalDate().withDayOfMonth(1)
                      + "T00:00:00Z), not "
                      + time.at()));
        }
      }
      case INSTANT -> {
        // any instant within range
      }
    }
  }

  private static FieldProblem problem(String field, String reason) {
    return new FieldProblem(field, reason);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** A map key as it can appear in a field path: control characters and surrogates escaped. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), Limits.SHORT_TEXT));
    for (int i = 0; i < text.length() && out.length() < 200; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? codePoint(c) : c);
    }
    return out.toString();
  }
}
