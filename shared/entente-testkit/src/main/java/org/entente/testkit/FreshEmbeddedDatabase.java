package org.entente.testkit;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database in the JVM's embedded PostgreSQL. Use with
 * {@code @ContextConfiguration(initializers = FreshEmbeddedDatabase.class)}.
 */
public class FreshEmbeddedDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.datasource.url=" + TestPostgres.freshEmbeddedDatabase(),
            "spring.datasource.username=" + TestPostgres.USER,
            "spring.datasource.password=")
        .applyTo(context);
    TestPostgres.holdUntilClosed(context);
  }
}
