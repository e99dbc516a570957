package org.entente.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.standalone.EntenteApplication;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(classes = EntenteApplication.class, properties = "entente.demo.enabled=false")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class DemoDisabledIT {

  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void demoDisabled_startsWithAnEmptyEventStore() {
    assertThat(context.getBeanProvider(DemoLoader.class).getIfAvailable()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isZero();
  }
}
