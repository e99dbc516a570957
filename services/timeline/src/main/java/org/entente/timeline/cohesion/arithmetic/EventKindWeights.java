package org.entente.timeline.cohesion.arithmetic;

import java.util.Optional;
import org.entente.api.event.EventKind;

/**
 * The Goldstein weight a diplomatic event gives each pair of its parties, by kind. Meetings,
 * summits, dinners and visits are CAMEO 043 "host a visit" (+2.8) between a host and a guest, and
 * 044 "meet at a third location" (+2.5) between two guests; a phone call is 041 (+1.0), a
 * negotiation 046 (+7.0), an agreement 057 (+8.0). Speeches, statements, press conferences and
 * ceremonies are no interaction by themselves: what is said there is coded as statements.
 */
public final class EventKindWeights {

  /** The code and weight between a host and a guest, and between two guests. */
  public record Codes(String hostCode, double hostWeight, String peerCode, double peerWeight) {

    public String code(boolean hosted) {
      return hosted ? hostCode : peerCode;
    }

    public double weight(boolean hosted) {
      return hosted ? hostWeight : peerWeight;
    }
  }

  private static final Codes MEET = new Codes("043", 2.8, "044", 2.5);

  private EventKindWeights() {}

  /**
   * Whether an event of this kind is a multilateral act: what its parties sign or adopt together
   * binds each of them to each other, so it counts fully on every pair of signatories rather than
   * being shared out as one occasion.
   */
  public static boolean isMultilateralAct(EventKind kind) {
    return kind == EventKind.AGREEMENT;
  }

  public static Optional<Codes> of(EventKind kind) {
    return Optional.ofNullable(
        switch (kind) {
          case MEETING, SUMMIT, DINNER, VISIT -> MEET;
          case PHONE_CALL -> new Codes("041", 1.0, "041", 1.0);
          case NEGOTIATION -> new Codes("046", 7.0, "046", 7.0);
          case AGREEMENT -> new Codes("057", 8.0, "057", 8.0);
          case SPEECH, STATEMENT, PRESS_CONFERENCE, CEREMONY -> null;
        });
  }
}
