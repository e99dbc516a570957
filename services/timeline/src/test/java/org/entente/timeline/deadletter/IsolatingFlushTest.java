package org.entente.timeline.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/** Only rows the database refuses are parked; failures that pass are tried again as a batch. */
class IsolatingFlushTest {

  @Test
  void aConstraintViolation_isARefusal_evenWrapped() {
    DataIntegrityViolationException refused = new DataIntegrityViolationException("check");
    assertThat(IsolatingFlush.refusedByDatabase(refused)).isTrue();
    assertThat(IsolatingFlush.refusedByDatabase(new IllegalStateException("flush", refused)))
        .isTrue();
  }

  @Test
  void anOutage_aLockOrATimeout_isNotARefusal() {
    assertThat(IsolatingFlush.refusedByDatabase(new CannotGetJdbcConnectionException("down")))
        .isFalse();
    assertThat(IsolatingFlush.refusedByDatabase(new CannotAcquireLockException("deadlock")))
        .isFalse();
    assertThat(IsolatingFlush.refusedByDatabase(new QueryTimeoutException("slow"))).isFalse();
    assertThat(IsolatingFlush.refusedByDatabase(new TransactionSystemException("rollback failed")))
        .isFalse();
  }
}
