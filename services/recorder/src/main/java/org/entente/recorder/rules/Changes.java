package org.entente.recorder.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** Helpers for amendments and corrections: which given values differ from the current ones. */
public final class Changes {

  /** The field named when an amendment or correction would change nothing. */
  public static final String NOTHING_CHANGED_FIELD = "changed";

  private Changes() {}

  /** A value was given (non-null) and differs from the current one. */
  public static boolean differs(Object given, Object current) {
    return given != null && !Objects.equals(given, current);
  }

  /** A list was given and holds other elements than the current one; order does not count. */
  public static boolean differsAsSet(List<?> given, List<?> current) {
    if (given == null) {
      return false;
    }
    if (current == null) {
      return true;
    }
    return given.size() != current.size() || !new HashSet<>(given).equals(new HashSet<>(current));
  }

  /** Blank text counts as none; otherwise stripped. */
  public static String strippedOrNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public static RuleViolationException nothingChanged(String what) {
    return new RuleViolationException(
        NOTHING_CHANGED_FIELD,
        "the " + what + " changes nothing: every given field equals the recorded value");
  }
}
