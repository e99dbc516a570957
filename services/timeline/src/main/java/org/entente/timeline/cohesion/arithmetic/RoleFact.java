package org.entente.timeline.cohesion.arithmetic;

import java.time.LocalDate;

/** {@code personId} holds {@code title} at {@code atActorId} from {@code from} to {@code to}. */
public record RoleFact(
    String personId, String title, String atActorId, LocalDate from, LocalDate to) {

  /** Both ends count; an empty {@code to} means the role lasts. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
