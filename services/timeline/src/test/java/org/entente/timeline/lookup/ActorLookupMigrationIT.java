package org.entente.timeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.entente.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Actor rows projected before V2_30 get their aliases and external ids from the registrations in
 * the event store (same database), so a search finds them without a rebuild.
 */
class ActorLookupMigrationIT {

  @Test
  void actorsProjectedBeforeTheMigration_getAliasesExternalIdsAndSearchText() {
    String url = TestPostgres.freshEmbeddedDatabase();
    Flyway.configure()
        .dataSource(url, TestPostgres.USER, "")
        .locations("classpath:db/migration/timeline")
        // V2_2 empties both slots (a fact store re-projects from the first event); rows projected
        // after it and before V2_30 are the ones the backfill is for
        .target("2.2")
        .load()
        .migrate();
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(url, TestPostgres.USER, "", true);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // The columns of the recorder's event table that the migration reads.
    jdbc.execute(
        "create table domain_event_entry (aggregate_identifier varchar(255) not null,"
            + " payload bytea not null, payload_type varchar(255) not null)");
    jdbc.update(
        "insert into domain_event_entry values"
            + " ('nato', convert_to(?, 'UTF8'), 'org.entente.api.actor.ActorRegistered'),"
            + " ('x', convert_to(?, 'UTF8'), 'org.entente.api.actor.ActorRegistered')",
        "{\"actorId\":\"nato\",\"kind\":\"ALLIANCE\",\"name\":\"NATO\","
            + "\"aliases\":[\"OTAN\",\"Alliance\"],\"externalIds\":{\"wikidata\":\"Q7184\"}}",
        "{\"actorId\":\"x\",\"kind\":\"STATE\",\"name\":\"X\",\"aliases\":null}");
    jdbc.update(
        "insert into tl_actor (slot, actor_id, kind, name, recorded_at, position) values"
            + " ('a', 'nato', 'ALLIANCE', 'NATO', now(), 1), ('a', 'x', 'STATE', 'X', now(), 2),"
            + " ('b', 'nato', 'ALLIANCE', 'NATO', now(), 1)");

    Flyway.configure()
        .dataSource(url, TestPostgres.USER, "")
        .locations("classpath:db/migration/timeline")
        .load()
        .migrate();

    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select slot, actor_id, array_to_string(aliases, '|') as aliases,"
                + " external_ids::text as ids, search_text from tl_actor order by slot, actor_id");
    assertThat(rows)
        .extracting(row -> row.get("actor_id") + ":" + row.get("aliases") + ":" + row.get("ids"))
        .containsExactly(
            "nato:OTAN|Alliance:{\"wikidata\": \"Q7184\"}",
            "x::{}",
            "nato:OTAN|Alliance:{\"wikidata\": \"Q7184\"}");
    assertThat(rows.get(0).get("search_text")).isEqualTo("nato\notan\nalliance\nq7184");
    dataSource.destroy();
  }
}
