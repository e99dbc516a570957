package org.entente.recorder.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CameoCodebookTest {

  final CameoCodebook codebook = new CameoCodebook();

  @Test
  void loadsEveryCodeOfTheTable() {
    assertThat(codebook.size()).isEqualTo(312);
  }

  @Test
  void codesAreStrings_soALeadingZeroMakesAnotherCode() {
    assertThat(codebook.name("010")).contains("Make statement");
    assertThat(codebook.goldstein("010")).hasValue(0.0);
    assertThat(codebook.name("10")).contains("DEMAND");
    assertThat(codebook.goldstein("10")).hasValue(-5.0);
  }

  @Test
  void givesTheGoldsteinWeightsTheSeedNeeds() {
    assertThat(codebook.goldstein("051")).hasValue(3.4);
    assertThat(codebook.goldstein("040")).hasValue(1.0);
    assertThat(codebook.goldstein("043")).hasValue(2.8);
    assertThat(codebook.goldstein("1042")).hasValue(-5.0);
    assertThat(codebook.goldstein("111")).hasValue(-2.0);
    assertThat(codebook.goldstein("130")).hasValue(-4.4);
    assertThat(codebook.goldstein("057")).hasValue(8.0);
    assertThat(codebook.goldstein("030")).hasValue(4.0);
  }

  @Test
  void unknownCodes_areNotKnownAndHaveNoWeightOrName() {
    assertThat(codebook.isKnown("999")).isFalse();
    assertThat(codebook.isKnown(" 010")).isFalse();
    assertThat(codebook.isKnown("")).isFalse();
    assertThat(codebook.isKnown(null)).isFalse();
    assertThat(codebook.goldstein("999")).isEmpty();
    assertThat(codebook.goldstein(null)).isEmpty();
    assertThat(codebook.name("999")).isEmpty();
    assertThat(codebook.isKnown("code")).as("the header is not a code").isFalse();
  }

  @Test
  void aMissingTable_failsAtStartRatherThanAcceptingNothing() {
    assertThatThrownBy(() -> new CameoCodebook("cameo/missing.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cameo/missing.tsv");
  }
}
