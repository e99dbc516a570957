package org.entente.json;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Each service keeps its migrations in its own folder under {@code db/migration} (Flyway scans it
 * recursively) and its own version range: recorder 1.x, timeline 2.x, cohesion 3.x. A service may
 * add a migration after another's later version was applied, so migrations run out of order.
 */
@AutoConfiguration
@ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
public class FlywayOutOfOrderAutoConfiguration {

  @Bean
  FlywayConfigurationCustomizer ententeMigrationsOutOfOrder() {
    return configuration -> configuration.outOfOrder(true);
  }
}
