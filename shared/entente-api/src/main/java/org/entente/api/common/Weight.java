package org.entente.api.common;

import jakarta.validation.constraints.NotBlank;

/**
 * A position on a conflict–cooperation scale. The scale and its version always travel with the
 * value: a CAMEO/Goldstein −5.0 and a PLOVER −1.0 may code the same demand.
 */
public record Weight(double value, @NotBlank String scale, @NotBlank String scaleVersion) {

  public static final String GOLDSTEIN = "goldstein";
  public static final String GOLDSTEIN_VERSION = "cameo-1.1b3";
  public static final String PLOVER = "plover";

  public static Weight goldstein(double value) {
    return new Weight(value, GOLDSTEIN, GOLDSTEIN_VERSION);
  }
}
