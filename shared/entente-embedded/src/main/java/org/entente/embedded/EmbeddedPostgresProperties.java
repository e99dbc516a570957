package org.entente.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param enabled set false to require an external database
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port 0 picks a free port
 */
@ConfigurationProperties("entente.embedded-postgres")
public record EmbeddedPostgresProperties(Boolean enabled, Path dataDirectory, Integer port) {

  public EmbeddedPostgresProperties {
    enabled = enabled == null || enabled;
    dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
    port = port == null ? 0 : port;
  }
}
