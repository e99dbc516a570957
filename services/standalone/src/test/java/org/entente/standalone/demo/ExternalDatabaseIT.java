package org.entente.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.standalone.StandaloneApps.demoOutcome;
import static org.entente.standalone.StandaloneApps.start;
import static org.entente.standalone.StandaloneApps.storedEvents;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.entente.testkit.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * With {@code spring.datasource.*} set, the application uses that server and starts no embedded
 * one. Runs against a fresh database on the PostgreSQL server at 127.0.0.1:5432; skipped, saying
 * so, only when nothing answers there.
 */
class ExternalDatabaseIT {

  @Test
  void
      withSpringDatasourceSet_theDemoLoadsIntoTheServerAt127001port5432_skippedIfItDoesNotAnswer() {
    Assumptions.assumeTrue(
        TestPostgres.externalAvailable(),
        "no PostgreSQL answers at "
            + TestPostgres.EXTERNAL_URL
            + ": external-database path skipped");
    String url = TestPostgres.freshExternalDatabase().orElseThrow();

    try (ConfigurableApplicationContext app =
        start(
            Map.of(
                "spring.datasource.url",
                url,
                "spring.datasource.username",
                TestPostgres.USER,
                "spring.datasource.password",
                ""))) {
      assertThat(demoOutcome(app))
          .isInstanceOfSatisfying(
              DemoOutcome.Loaded.class, loaded -> assertThat(loaded.complete()).isTrue());
      assertThat(app.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
      // the service's own connections plan each execution afresh (connection-init-sql)
      assertThat(
              app.getBean(JdbcTemplate.class).queryForObject("SHOW plan_cache_mode", String.class))
          .isEqualTo("force_custom_plan");

      JdbcTemplate server =
          new JdbcTemplate(new DriverManagerDataSource(url, TestPostgres.USER, ""));
      assertThat(storedEvents(server)).hasSize(DemoDataset.lines().size());
    }
  }
}
