package org.entente.recorder.rules;

import java.time.LocalDate;

/** Rules shared by roles and memberships. */
public final class Periods {

  private Periods() {}

  /** A period may be open-ended, but never end before it starts. */
  public static void requireForward(LocalDate from, LocalDate to) {
    if (to != null && to.isBefore(from)) {
      throw new RuleViolationException(
          "to", "period ends (" + to + ") before it starts (" + from + ")");
    }
  }
}
