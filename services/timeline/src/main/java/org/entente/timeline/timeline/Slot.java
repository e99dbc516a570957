package org.entente.timeline.timeline;

import java.util.Locale;

/**
 * One of the two copies of the timeline read model (blue/green). One slot is live and answers
 * queries; the other is empty, or being rebuilt from the first event before it takes over.
 */
public enum Slot {
  A,
  B;

  /** The value of the {@code slot} column. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The processing group (and pooled streaming processor) that writes this slot. */
  public String processorName() {
    return "timeline-" + code();
  }

  public Slot other() {
    return this == A ? B : A;
  }

  public static Slot ofCode(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
