package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migrations alone make the event table append-only: no setup script, no special role. Checked
 * as the superuser the embedded default connects as, and for the service role of {@code
 * infra/postgres}.
 */
class AppendOnlyEventTableIT {

  private static final String APP_ROLE = "entente_app";

  private static JdbcTemplate jdbc;

  @BeforeAll
  static void migrate() {
    String url = TestPostgres.freshEmbeddedDatabase();
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, TestPostgres.USER, "");
    jdbc = new JdbcTemplate(dataSource);
    // the role infra/postgres/01-roles-and-schema.sql creates, present before the first migration
    jdbc.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
            + APP_ROLE
            + "') THEN CREATE ROLE "
            + APP_ROLE
            + " LOGIN; END IF; END $$");
    jdbc.execute(
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP_ROLE);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    jdbc.update(
        "insert into domain_event_entry (event_identifier, payload, payload_type, time_stamp,"
            + " aggregate_identifier, sequence_number, type)"
            + " values ('e-1', '{}'::bytea, 'T', '2025-02-13T00:00:00Z', 'a-1', 0, 'A')");
  }

  @Test
  void update_isRefused_evenForTheSuperuser() {
    assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = 'X'"))
        .rootCause()
        .hasMessageContaining("domain_event_entry is append-only: UPDATE refused");
    assertThat(jdbc.queryForObject("select payload_type from domain_event_entry", String.class))
        .isEqualTo("T");
  }

  @Test
  void delete_isRefused_evenForTheSuperuser() {
    assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry"))
        .rootCause()
        .hasMessageContaining("domain_event_entry is append-only: DELETE refused");
    assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
        .isEqualTo(1);
  }

  @Test
  void truncate_isRefused_evenForTheSuperuser() {
    assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
        .rootCause()
        .hasMessageContaining("domain_event_entry is append-only: TRUNCATE refused");
    assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
        .isEqualTo(1);
  }

  @Test
  void serviceRole_mayReadAndAppend_butNotUpdateDeleteOrTruncate() {
    assertThat(privilege("SELECT")).isTrue();
    assertThat(privilege("INSERT")).isTrue();
    assertThat(privilege("UPDATE")).isFalse();
    assertThat(privilege("DELETE")).isFalse();
    assertThat(privilege("TRUNCATE")).isFalse();
  }

  @Test
  void otherTables_stayWritable() {
    jdbc.update(
        "insert into token_entry (processor_name, segment) values ('append-only-check', 0)");
    assertThat(
            jdbc.update(
                "update token_entry set owner = 'x' where processor_name = 'append-only-check'"))
        .isEqualTo(1);
    assertThat(jdbc.update("delete from token_entry where processor_name = 'append-only-check'"))
        .isEqualTo(1);
  }

  private static boolean privilege(String privilege) {
    return jdbc.queryForObject(
        "select has_table_privilege(?, 'domain_event_entry', ?)",
        Boolean.class,
        APP_ROLE,
        privilege);
  }
}
