package org.entente.timeline.cohesion;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cohesion projection runs on its own pooled streaming processor, tunable for rebuild speed:
 * {@code entente.cohesion.processor.batch-size} and {@code .segments}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class CohesionConfiguration {

  @Bean
  CohesionProjector cohesionProjector(JdbcTemplate jdbc, ObjectMapper json) {
    return new CohesionProjector(jdbc, json);
  }

  @Bean
  CohesionHistoryRepository cohesionHistoryRepository(JdbcTemplate jdbc, ObjectMapper json) {
    return new CohesionHistoryRepository(jdbc, json);
  }

  @Autowired
  void cohesionProcessor(
      EventProcessingConfigurer processing,
      @Value("${entente.cohesion.processor.batch-size:100}") int batchSize,
      @Value("${entente.cohesion.processor.segments:1}") int segments) {
    processing.registerPooledStreamingEventProcessor(
        CohesionProjection.PROCESSING_GROUP,
        Configuration::eventStore,
        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments));
  }
}
