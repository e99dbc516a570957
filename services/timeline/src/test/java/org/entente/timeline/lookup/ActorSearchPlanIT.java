package org.entente.timeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.entente.testkit.TestPostgres;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The actor search on 100,000 actors: a substring search is answered through the trigram index and
 * a kind filter pages through the name index, not by reading the table. Prints the plans and
 * timings (EXPLAIN ANALYZE) for the record.
 */
class ActorSearchPlanIT {

  private static final int ACTORS = 100_000;
  private static JdbcTemplate jdbc;
  private static LookupRepository repository;

  @BeforeAll
  static void load() {
    String url = TestPostgres.freshEmbeddedDatabase();
    Flyway.configure()
        .dataSource(url, TestPostgres.USER, "")
        .locations("classpath:db/migration/timeline")
        .load()
        .migrate();
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(url, TestPostgres.USER, "", true);
    dataSource.setAutoCommit(true);
    jdbc = new JdbcTemplate(dataSource);
    // Names like "Actor 012345 md5…", one in five a PERSON, every tenth with an alias.
    jdbc.update(
        "insert into tl_actor (slot, actor_id, kind, name, recorded_at, position, aliases,"
            + " search_text) select 'a', 'actor-' || n,"
            + " case when n % 5 = 0 then 'PERSON' else 'STATE' end,"
            + " 'Actor ' || lpad(n::text, 6, '0') || ' ' || md5(n::text), now(), n,"
            + " case when n % 10 = 0 then array['Alias ' || md5('alias-' || n)] else '{}' end,"
            + " lower('Actor ' || lpad(n::text, 6, '0') || ' ' || md5(n::text)"
            + " || case when n % 10 = 0 then E'\\n' || 'Alias ' || md5('alias-' || n) else ''"
            + " end) from generate_series(1, ?) n",
        ACTORS);
    jdbc.execute("analyze tl_actor");
    repository =
        new LookupRepository(new NamedParameterJdbcTemplate(jdbc), new TimelineDocuments());
  }

  private static String plan(String sql) {
    List<String> lines = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class);
    String plan = String.join("\n", lines);
    System.out.println(sql + "\n" + plan + "\n");
    return plan;
  }

  @Test
  void substringSearch_usesTheTrigramIndex() {
    String alias = jdbc.queryForObject("select md5('alias-4200')", String.class);
    String plan =
        plan(
            "select actor_id from tl_actor a where a.slot = 'a' and a.position <= 9223372036854775807"
                + " and a.search_text like '%"
                + alias.substring(3, 15)
                + "%' order by lower(a.name), a.actor_id limit 21");

    assertThat(plan).contains("tl_actor_search").doesNotContain("Seq Scan");
    List<LookupRepository.ActorRow> found =
        repository.findActors(
            Slot.A,
            new Snapshot(Long.MAX_VALUE, null),
            alias.substring(3, 15).toUpperCase(),
            null,
            null,
            21);
    assertThat(found).extracting(LookupRepository.ActorRow::id).containsExactly("actor-4200");
  }

  @Test
  void kindFilter_pagesThroughTheNameIndex() {
    String plan =
        plan(
            "select actor_id from tl_actor a where a.slot = 'a' and a.position <= 9223372036854775807"
                + " and a.kind = 'PERSON' and (lower(a.name), a.actor_id) > ('actor 050000', '')"
                + " order by lower(a.name), a.actor_id limit 21");

    assertThat(plan).contains("tl_actor_name").doesNotContain("Seq Scan").doesNotContain("Sort");
    List<LookupRepository.ActorRow> page =
        repository.findActors(
            Slot.A,
            new Snapshot(Long.MAX_VALUE, null),
            null,
            "PERSON",
            new ActorCursor.After("actor 050000", ""),
            3);
    assertThat(page)
        .extracting(LookupRepository.ActorRow::id)
        .containsExactly("actor-50000", "actor-50005", "actor-50010");
  }

  @Test
  void pgTrgm_isInstalled() {
    assertThat(
            jdbc.queryForObject(
                "select count(*) from pg_extension where extname = 'pg_trgm'", Integer.class))
        .isEqualTo(1);
  }
}
