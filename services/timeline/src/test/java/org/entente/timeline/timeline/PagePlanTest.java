package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.entente.timeline.support.ProjectionDatabase;
import org.entente.timeline.timeline.TimelineQuery.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The page queries read the fan-out rows by an index range scan in (owner, event time, entry id)
 * order, whatever the store's size: checked with EXPLAIN (ANALYZE, BUFFERS) on real PostgreSQL over
 * 300 000 entry versions and 600 000 page rows (statistics gathered by ANALYZE), so the planner's
 * choice is the one it makes on a big store, not on an empty one.
 */
class PagePlanTest {

  private static final int ENTRIES = 300_000;
  private static final ProjectionDatabase db = ProjectionDatabase.get();
  private static final Slot SLOT = Slot.B;

  @BeforeAll
  static void bigStore() {
    db.writer(SLOT).clear();
    db.jdbc.update(
        "insert into tl_entry_version (slot, entry_id, version, entry_type, kind, event_time,"
            + " topics, recorded_from, recorded_from_position, doc)"
            + " select 'b', 'e' || g, 1, 'STATEMENT', 'STATEMENT',"
            + " timestamptz '2000-01-01' + g * interval '17 minutes', '{}',"
            + " timestamptz '2025-01-01' + g * interval '1 second', g, '{}'::jsonb"
            + " from generate_series(1, ?) g",
        ENTRIES);
    // every entry on the page of its speaker (3 000 actors) and of one of 30 groups, by membership
    db.jdbc.update(
        "insert into tl_page_row (slot, owner_id, event_time, entry_id, version, role, cause,"
            + " direct, cause_position, cause_recorded_at)"
            + " select 'b', 'actor-' || (g % 3000), timestamptz '2000-01-01' + g * interval '17"
            + " minutes', 'e' || g, 1, 'SPEAKER', '', true, null, null from generate_series(1, ?) g"
            + " union all"
            + " select 'b', 'group-' || (g % 30), timestamptz '2000-01-01' + g * interval '17"
            + " minutes', 'e' || g, 1, 'SPEAKER', 'm:' || (g % 3000), false, g % 1000,"
            + " timestamptz '2025-01-01' from generate_series(1, ?) g",
        ENTRIES, ENTRIES);
    db.jdbc.execute("analyze tl_page_row");
    db.jdbc.execute("analyze tl_entry_version");
  }

  @AfterAll
  static void clear() {
    db.writer(SLOT).clear();
  }

  private static String plan(TimelineQuery query, Snapshot snapshot) {
    String sql = db.queries.pageSql(snapshot, query, "v.doc::text");
    MapSqlParameterSource params = db.queries.params(SLOT, snapshot, query, 51);
    List<String> lines =
        new NamedParameterJdbcTemplate(db.jdbc)
            .queryForList("explain (analyze, buffers) " + sql, params, String.class);
    String plan = String.join("\n", lines);
    System.out.println(query.scope() + " page plan:\n" + plan);
    return plan;
  }

  private static TimelineQuery query(Scope scope, String owner, TimelineCursor.After after) {
    return new TimelineQuery(scope, owner, null, null, Set.of(), null, null, null, after);
  }

  private static void assertIndexRangeScan(String plan, String index) {
    assertThat(plan).contains("Index Scan using " + index + " on tl_page_row");
    assertThat(plan).doesNotContain("Seq Scan on tl_page_row");
    assertThat(plan).doesNotContain("Seq Scan on tl_entry_version");
    assertThat(plan).doesNotContain("Sort  (");
  }

  @Test
  void actorPage_isAnIndexRangeScanOfItsFanOutRows() {
    Snapshot now = new Snapshot(ENTRIES, null);
    assertIndexRangeScan(plan(query(Scope.ACTOR, "actor-7", null), now), "tl_page_row_actor");
    TimelineCursor.After after =
        new TimelineCursor.After(Instant.parse("2005-01-01T00:00:00Z"), "e1");
    assertIndexRangeScan(
        plan(
            query(Scope.ACTOR, "actor-7", after),
            new Snapshot(ENTRIES, Instant.parse("2026-01-01T00:00:00Z"))),
        "tl_page_row_actor");
  }

  @Test
  void groupPage_isAnIndexRangeScanOfItsFanOutRows() {
    Snapshot now = new Snapshot(ENTRIES, null);
    assertIndexRangeScan(plan(query(Scope.GROUP, "group-3", null), now), "tl_page_row_group");
    TimelineCursor.After after =
        new TimelineCursor.After(Instant.parse("2005-01-01T00:00:00Z"), "e1");
    assertIndexRangeScan(
        plan(
            query(Scope.GROUP, "group-3", after),
            new Snapshot(ENTRIES, Instant.parse("2026-01-01T00:00:00Z"))),
        "tl_page_row_group");
  }
}
