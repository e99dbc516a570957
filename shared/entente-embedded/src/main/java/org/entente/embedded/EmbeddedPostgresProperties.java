package org.entente.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param enabled set false to require an external database
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port 0 picks a free port
 * @param applicationRole the login role (no superuser, owns nothing) the application connects as;
 *     migrations run as the cluster's owner {@code postgres}
 */
@ConfigurationProperties("entente.embedded-postgres")
public record EmbeddedPostgresProperties(
    Boolean enabled, Path dataDirectory, Integer port, String applicationRole) {

  public EmbeddedPostgresProperties {
    applicationRole =
        applicationRole == null || applicationRole.isBlank() ? "entente_app" : applicationRole;
    if (!applicationRole.matches("[a-z_][a-z0-9_]{0,62}") || applicationRole.equals("postgres")) {
      throw new IllegalArgumentException(
          "entente.embedded-postgres.application-role must be a lower-case SQL name other than"
              + " postgres: "
              + applicationRole);
    }
    enabled = enabled == null || enabled;
    dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
    port = port == null ? 0 : port;
  }
}
