package org.entente.timeline.cohesion.arithmetic;

import java.time.LocalDate;

/** {@code memberId} belongs to {@code groupId} on every day from {@code from} to {@code to}. */
public record MembershipFact(String memberId, String groupId, LocalDate from, LocalDate to) {

  /** Both ends count; an empty {@code to} means the membership lasts. */
  public boolean covers(LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }
}
