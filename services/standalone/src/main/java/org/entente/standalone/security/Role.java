package org.entente.standalone.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four roles; a user may hold several. */
public enum Role {
  /** Writes commands and imports. */
  RECORDER,
  /** Reads timelines, history, cohesion, what-if, exports and live streams. */
  ANALYST,
  /** What an analyst reads, plus provenance, proofs, verification and raw event streams. */
  AUDITOR,
  /** Rebuilds, dead letters, processor control, key rotation, actuator. */
  ADMIN;

  /** The role's name as configured and as found in tokens: lower case. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Spring Security's authority for the role. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named {@code name} (any case, an optional ROLE_ prefix), if there is one. */
  public static Optional<Role> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String plain = name.trim().toUpperCase(Locale.ROOT);
    String bare = plain.startsWith("ROLE_") ? plain.substring(5) : plain;
    return Arrays.stream(values()).filter(role -> role.name().equals(bare)).findFirst();
  }
}
