package org.entente.recorder.coding;

import org.entente.api.common.Weight;
import org.entente.recorder.rules.RuleViolationException;

/**
 * A statement's CAMEO code must be in the codebook, and a Goldstein weight must be the one the
 * codebook gives that code, unless an override reason says why not. Other scales (PLOVER, ...) are
 * recorded as given, with their scale and version.
 */
public final class CodingRules {

  /** Weights are decimals with one or two places; anything closer than this is the same weight. */
  static final double TOLERANCE = 1e-9;

  private CodingRules() {}

  public static void check(
      String cameoCode, Weight weight, String weightOverrideReason, CameoCodebook codebook) {
    if (!codebook.isKnown(cameoCode)) {
      throw new RuleViolationException(
          "cameoCode", "'" + cameoCode + "' is not a known CAMEO code (codes are strings: 010≠10)");
    }
    if (weight == null) {
      throw new RuleViolationException("weight", "a statement needs a weight");
    }
    if (!Double.isFinite(weight.value())) {
      // NaN compares false with everything, so it would pass the tolerance check below unnoticed
      throw new RuleViolationException(
          "weight.value", "must be a finite number, not " + weight.value());
    }
    if (weight.scale() == null || !weight.scale().equalsIgnoreCase(Weight.GOLDSTEIN)) {
      return;
    }
    if (!weight.scale().equals(Weight.GOLDSTEIN)) {
      throw new RuleViolationException(
          "weight.scale", "write the Goldstein scale as '" + Weight.GOLDSTEIN + "'");
    }
    boolean overridden = weightOverrideReason != null && !weightOverrideReason.isBlank();
    if (overridden) {
      return;
    }
    double expected = codebook.goldstein(cameoCode).orElseThrow();
    if (Math.abs(weight.value() - expected) > TOLERANCE) {
      throw new RuleViolationException(
          "weight.value",
          "CAMEO "
              + cameoCode
              + " weighs "
              + expected
              + " on the Goldstein scale, not "
              + weight.value()
              + "; give weightOverrideReason to record another weight");
    }
    if (!Weight.GOLDSTEIN_VERSION.equals(weight.scaleVersion())) {
      throw new RuleViolationException(
          "weight.scaleVersion",
          "the codebook is Goldstein version "
              + Weight.GOLDSTEIN_VERSION
              + ", not "
              + weight.scaleVersion()
              + "; give weightOverrideReason to record another version");
    }
  }
}
