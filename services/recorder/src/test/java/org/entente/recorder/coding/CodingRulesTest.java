package org.entente.recorder.coding;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.api.common.Weight;
import org.entente.recorder.rules.RuleViolationException;
import org.junit.jupiter.api.Test;

class CodingRulesTest {

  final CameoCodebook codebook = new CameoCodebook();

  @Test
  void acceptsTheCodebookWeightOfAKnownCode() {
    assertThatCode(() -> CodingRules.check("1042", Weight.goldstein(-5.0), null, codebook))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsAWeightWithinTheTolerance() {
    assertThatCode(() -> CodingRules.check("051", Weight.goldstein(3.4 + 1e-12), null, codebook))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnUnknownCode() {
    assertThatThrownBy(() -> CodingRules.check("999", Weight.goldstein(0), null, codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("cameoCode");
  }

  @Test
  void rejectsAnotherGoldsteinWeightThanTheCodebooks() {
    assertThatThrownBy(() -> CodingRules.check("1042", Weight.goldstein(-4.0), null, codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("weight.value");
  }

  @Test
  void rejectsANonFiniteWeight_evenWithAnOverrideReason_onAnyScale() {
    for (double value :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> CodingRules.check("1042", Weight.goldstein(value), null, codebook))
          .as("%s", value)
          .isInstanceOf(RuleViolationException.class)
          .extracting("field")
          .isEqualTo("weight.value");
      assertThatThrownBy(
              () -> CodingRules.check("1042", Weight.goldstein(value), "a reason", codebook))
          .isInstanceOf(RuleViolationException.class);
      Weight plover = new Weight(value, Weight.PLOVER, "1.0");
      assertThatThrownBy(() -> CodingRules.check("1042", plover, null, codebook))
          .isInstanceOf(RuleViolationException.class);
    }
  }

  @Test
  void rejectsAnotherGoldsteinVersion() {
    Weight weight = new Weight(-5.0, Weight.GOLDSTEIN, "cameo-0.9");
    assertThatThrownBy(() -> CodingRules.check("1042", weight, null, codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("weight.scaleVersion");
  }

  @Test
  void rejectsTheGoldsteinScaleSpelledOtherwise() {
    Weight weight = new Weight(-5.0, "Goldstein", Weight.GOLDSTEIN_VERSION);
    assertThatThrownBy(() -> CodingRules.check("1042", weight, null, codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("weight.scale");
  }

  @Test
  void anOverrideReason_acceptsAnotherWeightOrVersion() {
    assertThatCode(
            () ->
                CodingRules.check(
                    "1042",
                    new Weight(-7.0, Weight.GOLDSTEIN, "cameo-0.9"),
                    "analyst judges the demand an ultimatum",
                    codebook))
        .doesNotThrowAnyException();
  }

  @Test
  void aBlankOverrideReason_overridesNothing() {
    assertThatThrownBy(() -> CodingRules.check("1042", Weight.goldstein(-7.0), "  ", codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("weight.value");
  }

  @Test
  void otherScales_areAcceptedAsGiven_butTheCodeMustStillBeKnown() {
    Weight plover = new Weight(-1.0, Weight.PLOVER, "2.0");
    assertThatCode(() -> CodingRules.check("1042", plover, null, codebook))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> CodingRules.check("9999", plover, null, codebook))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("cameoCode");
  }
}
