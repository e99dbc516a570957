package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.standalone.StandaloneApps.start;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default run's embedded PostgreSQL keeps what it acknowledged (zonky's defaults do not) and
 * accepts connections on loopback only; its connections plan every execution afresh.
 */
class EmbeddedDatabaseDurabilityIT {

  @TempDir Path dataDirectory;

  @Test
  void embeddedDatabase_syncsEveryCommit_andListensOnLoopbackOnly() {
    try (ConfigurableApplicationContext app =
        start(
            Map.of(
                "entente.embedded-postgres.data-directory",
                dataDirectory.toString(),
                "entente.demo.enabled",
                "false"))) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      assertThat(show(jdbc, "fsync")).isEqualTo("on");
      assertThat(show(jdbc, "synchronous_commit")).isEqualTo("on");
      assertThat(show(jdbc, "full_page_writes")).isEqualTo("on");
      assertThat(show(jdbc, "listen_addresses")).isEqualTo("localhost");
      // no generic plans made once from small tables (a 7-minute query at 20,000 events)
      assertThat(show(jdbc, "plan_cache_mode")).isEqualTo("force_custom_plan");
      assertThat(
              jdbc.queryForObject(
                  "select bool_and(inet_server_addr() <<= '127.0.0.0/8'::inet"
                      + " or inet_server_addr() = '::1'::inet)",
                  Boolean.class))
          .isTrue();
    }
  }

  private static String show(JdbcTemplate jdbc, String setting) {
    return jdbc.queryForObject("SHOW " + setting, String.class);
  }
}
