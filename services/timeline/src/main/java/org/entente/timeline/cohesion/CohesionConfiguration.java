package org.entente.timeline.cohesion;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Executors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
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
    CohesionSettings.Processor settings = properties.getProcessor();
    String name = CohesionProjection.PROCESSING_GROUP;
    return configurer ->
        configurer.eventProcessing(
            processing -> {
              processing.registerPooledStreamingEventProcessor(
                  name,
                  axon -> axon.eventStore(),
                  (axon, builder) ->
                      builder
                          .initialToken(StreamableMessageSource::createTailToken)
                          .initialSegmentCount(settings.getSegments())
                          .batchSize(settings.getBatchSize())
                          .tokenClaimInterval(settings.getTokenClaimInterval().toMillis())
                          .coordinatorExecutor(
                              processor ->
                                  Executors.newScheduledThreadPool(
                                      1, new AxonThreadFactory("Coordinator[" + processor + "]")))
                          .workerExecutor(
                              processor ->
                                  Executors.newScheduledThreadPool(
                                      settings.getThreads(),
                                      new AxonThreadFactory("WorkPackage[" + processor + "]"))));
              processing.registerListenerInvocationErrorHandler(
                  name, axon -> PropagatingErrorHandler.instance());
            });
  }
}
