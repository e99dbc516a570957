package org.entente.timeline.cohesion.arithmetic;

import java.util.Locale;
import org.entente.api.common.Weight;

/**
 * The conflict–cooperation scale an indicator is computed on. Only weights coded on the chosen
 * scale are used; the default weights of diplomatic events exist on the Goldstein scale only.
 */
public enum CohesionScale {
  GOLDSTEIN(Weight.GOLDSTEIN, Weight.GOLDSTEIN_VERSION),
  PLOVER(Weight.PLOVER, null);

  private final String id;
  private final String defaultVersion;

  CohesionScale(String id, String defaultVersion) {
    this.id = id;
    this.defaultVersion = defaultVersion;
  }

  /** The scale's name as weights carry it ({@code goldstein}, {@code plover}). */
  public String id() {
    return id;
  }

  /** The version whose event-kind defaults this service applies; null when it applies none. */
  public String defaultVersion() {
    return defaultVersion;
  }

  public boolean codes(Weight weight) {
    return weight != null && id.equalsIgnoreCase(weight.scale());
  }

  public static CohesionScale parse(String value) {
    for (CohesionScale scale : values()) {
      if (scale.id.equals(value.toLowerCase(Locale.ROOT))) {
        return scale;
      }
    }
    throw new IllegalArgumentException("must be goldstein or plover");
  }
}
