package org.entente.recorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void aQuotedVersion_isTheExpectedVersion() {
    assertThat(CommandRequests.expectedVersion("\"0\"")).isZero();
    assertThat(CommandRequests.expectedVersion(" \"12\" ")).isEqualTo(12L);
    assertThat(CommandRequests.expectedVersion(null)).isNull();
  }

  @Test
  void weakTagsWildcardsListsAndBareNumbers_areRefused() {
    for (String header : new String[] {"W/\"1\"", "*", "\"1\", \"2\"", "1", "\"-1\"", "\"a\""}) {
      assertThatThrownBy(() -> CommandRequests.expectedVersion(header))
          .as(header)
          .isInstanceOf(InvalidRequestException.class);
    }
  }
}
