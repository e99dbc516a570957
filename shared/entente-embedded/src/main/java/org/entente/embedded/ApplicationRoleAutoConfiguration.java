package org.entente.embedded;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * On a database of your own, migrations can run as the schema's owner ({@code spring.flyway.user})
 * while the service connects as a role that owns nothing ({@code spring.datasource.username}): that
 * role then gets its rights after each migration run ({@link ApplicationRoleGrants}). The role is
 * {@code entente.database.application-role} when set, else the datasource user when it differs from
 * the Flyway user; with neither, nothing is granted. The embedded database sets up its own role.
 */
@AutoConfiguration(
    after = EmbeddedPostgresAutoConfiguration.class,
    before = FlywayAutoConfiguration.class)
@ConditionalOnClass(Flyway.class)
public class ApplicationRoleAutoConfiguration {

  /** Names the role to grant to, overriding the one derived from the users. */
  public static final String ROLE_PROPERTY = "entente.database.application-role";

  @Bean
  @ConditionalOnMissingBean
  ApplicationRoleGrants applicationRoleGrants(Environment environment) {
    return new ApplicationRoleGrants(role(environment));
  }

  /**
   * {@code spring.flyway.user} without {@code spring.flyway.url}: Boot would derive Flyway's
   * connection from the application's DataSource, which it cannot read through the streaming
   * bulkhead's routing wrapper ("Unable to find suitable method for url"); the migrations connect
   * to {@code spring.datasource.url} as the Flyway user instead.
   */
  @Bean
  @ConditionalOnMissingBean(FlywayConnectionDetails.class)
  @Conditional(OnFlywayUserWithoutUrl.class)
  FlywayConnectionDetails migrationOwnerConnection(Environment environment) {
    String url = environment.getRequiredProperty("spring.datasource.url");
    String user = environment.getRequiredProperty("spring.flyway.user");
    String password = environment.getProperty("spring.flyway.password", "");
    return new FlywayConnectionDetails() {
      @Override
      public String getJdbcUrl() {
        return url;
      }

      @Override
      public String getUsername() {
        return user;
      }

      @Override
      public String getPassword() {
        return password;
      }
    };
  }

  static String role(Environment environment) {
    String configured = environment.getProperty(ROLE_PROPERTY);
    if (configured != null) {
      return configured;
    }
    String migrator = environment.getProperty("spring.flyway.user");
    String application = environment.getProperty("spring.datasource.username");
    return migrator != null
            && !migrator.isBlank()
            && application != null
            && !application.isBlank()
            && !migrator.equals(application)
        ? application
        : "";
  }

  static class OnFlywayUserWithoutUrl extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment environment = context.getEnvironment();
      boolean matches =
          environment.containsProperty("spring.flyway.user")
              && !environment.containsProperty("spring.flyway.url")
              && environment.containsProperty("spring.datasource.url");
      return matches
          ? ConditionOutcome.match("spring.flyway.user without spring.flyway.url")
          : ConditionOutcome.noMatch("no separate Flyway user, or its own url");
    }
  }
}
