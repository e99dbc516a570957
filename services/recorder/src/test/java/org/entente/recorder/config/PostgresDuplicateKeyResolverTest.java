package org.entente.recorder.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class PostgresDuplicateKeyResolverTest {

  private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

  @Test
  void uniqueViolation_isADuplicateKey_evenWrappedOrChained() {
    BatchUpdateException batch = new BatchUpdateException("batch aborted", "23505", 0, new int[0]);
    SQLException chained = new SQLException("batch aborted");
    chained.setNextException(new SQLException("duplicate key", "23505"));

    assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
    assertThat(resolver.isDuplicateKeyViolation(chained)).isTrue();
  }

  @Test
  void otherFailures_areNot() {
    assertThat(resolver.isDuplicateKeyViolation(new SQLException("fk", "23503"))).isFalse();
    assertThat(resolver.isDuplicateKeyViolation(new SQLException("no state"))).isFalse();
    assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException())).isFalse();
  }
}
