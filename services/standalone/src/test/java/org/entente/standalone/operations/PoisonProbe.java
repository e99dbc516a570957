package org.entente.standalone.operations;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.timeline.config.PooledProcessorSettings;
import org.entente.timeline.config.PooledProcessors;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test-only projection registered like every read-side projection, writing to a table whose check
 * constraint refuses statements named {@code poison-*}: the database, not the handler, turns the
 * event down, as it would a NUL in a text. Not a component: only the test that passes it as a
 * source gets it.
 */
public class PoisonProbe {

  static final String GROUP = "poison-probe";

  static final String TABLE =
      "CREATE TABLE probe.poison_probe (statement_id VARCHAR(255) PRIMARY KEY,"
          + " corrections INTEGER NOT NULL DEFAULT 0,"
          + " CONSTRAINT no_poison CHECK (statement_id NOT LIKE 'poison-%'))";

  static final String FIX = "ALTER TABLE probe.poison_probe DROP CONSTRAINT no_poison";

  @Bean
  ConfigurerModule poisonProbeProcessor() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                PooledProcessors.register(processing, GROUP, new PooledProcessorSettings()));
  }

  @Bean
  Handler poisonProbeHandler(JdbcTemplate jdbc) {
    return new Handler(jdbc);
  }

  @ProcessingGroup(GROUP)
  public static class Handler {
    private final JdbcTemplate jdbc;

    Handler(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatementRecorded recorded) {
      jdbc.update(
          "INSERT INTO probe.poison_probe (statement_id) VALUES (?) ON CONFLICT DO NOTHING",
          recorded.statementId());
    }

    @EventHandler
    void on(StatementCorrected corrected) {
      jdbc.update(
          "UPDATE probe.poison_probe SET corrections = corrections + 1 WHERE statement_id = ?",
          corrected.statementId());
    }
  }
}
