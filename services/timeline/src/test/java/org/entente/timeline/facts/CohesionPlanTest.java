package org.entente.timeline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.entente.timeline.support.ProjectionDatabase;
import org.entente.timeline.timeline.Slot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stored cohesion series reads its states by two range scans of the primary key, whatever the
 * number of groups and days stored: checked with EXPLAIN (ANALYZE, BUFFERS) on real PostgreSQL over
 * 600 000 state rows (300 groups, two channels, 1 000 change days each; statistics gathered by
 * ANALYZE).
 */
class CohesionPlanTest {

  private static final ProjectionDatabase db = ProjectionDatabase.get();
  private static final Slot SLOT = Slot.B;

  @BeforeAll
  static void manyStates() {
    db.writer(SLOT).clear();
    db.jdbc.update(
        "insert into tl_cohesion_state (slot, group_id, channel, day, sum_s, sum_a, sum_w,"
            + " observed, negative, member_pairs)"
            + " select 'b', 'group-' || g, c, date '2022-01-01' + d, d * 0.5, d, d * 0.1, 3, 1, 6"
            + " from generate_series(1, 300) g, unnest(array['PAIR', 'INSTITUTION']) c,"
            + " generate_series(0, 999) d");
    db.jdbc.execute("analyze tl_cohesion_state");
  }

  @AfterAll
  static void clear() {
    db.writer(SLOT).clear();
  }

  @Test
  void aYearOfStates_isReadByIndexRangeScans_notBySequentialScan() {
    LocalDate first = LocalDate.parse("2023-01-01");
    LocalDate last = LocalDate.parse("2023-12-31");
    Object[] args = {
      SLOT.code(),
      "group-17",
      "PAIR",
      Date.valueOf(first),
      SLOT.code(),
      "group-17",
      "PAIR",
      Date.valueOf(first),
      Date.valueOf(last)
    };
    List<String> lines =
        db.jdbc.queryForList(
            "explain (analyze, buffers) " + CohesionStore.STATES_SQL, String.class, args);
    String plan = String.join("\n", lines);
    System.out.println("cohesion states plan:\n" + plan);
    assertThat(plan).contains("Index Scan Backward using tl_cohesion_state_pkey");
    assertThat(plan).contains("Index Scan using tl_cohesion_state_pkey");
    assertThat(plan).doesNotContain("Seq Scan");
    assertThat(plan).doesNotContain("Sort  (");
    // and the rows are the state before the year and the year's 365
    List<FactRecords.CohesionState> states =
        new CohesionStore(db.jdbc, SLOT.code()).states("group-17", "PAIR", first, last);
    assertThat(states).hasSize(1 + 364);
    assertThat(states.get(0).day()).isEqualTo(first);
    assertThat(states.get(states.size() - 1).day()).isEqualTo(last);
  }
}
