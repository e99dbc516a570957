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
            "spring.datasource.password=",
            // the driver setting the service runs with (its application.yml), so the code that
            // must not trust a batched insert's counts is tested where they say nothing
            "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true")
        .applyTo(context);
    TestPostgres.holdUntilClosed(context);
  }
}
