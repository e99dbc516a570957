package org.entente.timeline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A snapshot read is a read-only REPEATABLE READ transaction (set by its first statement); inside a
 * running transaction it joins it; and the pooled connection is left at the default level.
 */
@TimelineBootTest
class SnapshotReadsIT {

  @Autowired SnapshotReads snapshots;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aRead_isOneReadOnlyRepeatableReadSnapshot_andLeavesTheConnectionAsItWas() {
    List<String> inside =
        snapshots.read(() -> List.of(show("transaction_isolation"), show("transaction_read_only")));
    assertThat(inside).containsExactly("repeatable read", "on");

    TransactionTemplate outer = new TransactionTemplate(transactions);
    String joined = outer.execute(status -> snapshots.read(() -> show("transaction_isolation")));
    assertThat(joined).isEqualTo("read committed");
    String after = outer.execute(status -> show("transaction_isolation"));
    assertThat(after).isEqualTo("read committed");
  }

  private String show(String setting) {
    return jdbc.queryForObject("show " + setting, String.class);
  }
}
