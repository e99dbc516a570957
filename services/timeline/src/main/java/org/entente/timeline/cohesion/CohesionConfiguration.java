package org.entente.timeline.cohesion;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.entente.timeline.config.PooledProcessors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cohesion projection runs on its own pooled streaming processor "cohesion", from the start of
 * the event store, tunable for rebuild speed under {@code entente.cohesion.processor.*}
 * (batch-size, segments, threads, token-claim-interval). A failing handler rolls its batch back and
 * the processor retries it, rather than skipping an event and leaving a hole in the tables.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CohesionSettings.class)
class CohesionConfiguration {

  @Bean
  CohesionProjector cohesionProjector(JdbcTemplate jdbc, ObjectMapper json) {
    return new CohesionProjector(jdbc, json);
  }

  @Bean
  CohesionHistoryRepository cohesionHistoryRepository(JdbcTemplate jdbc, ObjectMapper json) {
    return new CohesionHistoryRepository(jdbc, json);
  }

  @Bean
  ConfigurerModule cohesionProcessor(CohesionSettings properties) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                PooledProcessors.register(
                    processing, CohesionProjection.PROCESSING_GROUP, properties.getProcessor()));
  }
}
