package org.entente.recorder.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkippedRowsTest {

  @Test
  void aKeyNotReturnedWasSkipped() {
    assertThat(SkippedRows.of(List.of("a", "b", "c"), List.of("c", "a"))).containsExactly(1);
  }

  @Test
  void everyKeyReturnedMeansNothingSkipped() {
    assertThat(SkippedRows.of(List.of("a", "b"), List.of("b", "a"))).isEmpty();
  }

  @Test
  void aKeyGivenTwiceIsStoredOnceAsOneRowInsertsWouldHave() {
    assertThat(SkippedRows.of(List.of("a", "b", "a"), List.of("a", "b"))).containsExactly(2);
  }

  @Test
  void nothingReturnedMeansEverythingSkipped() {
    assertThat(SkippedRows.of(List.of("a", "b"), List.of())).containsExactly(0, 1);
  }
}
