package org.entente.timeline.config;

import org.axonframework.config.ConfigurerModule;
import org.entente.timeline.timeline.Slot;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pooled streaming processor per timeline slot. Each handles events in batches inside a Spring
 * transaction on the application's DataSource, so the view rows and the token commit together. A
 * failing handler rolls the batch back and the processor retries it (rather than skipping an event
 * and leaving a hole in the view).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimelineProperties.class)
public class TimelineConfiguration {

  @Bean
  ConfigurerModule timelineProcessors(TimelineProperties properties) {
    return configurer ->
        configurer.eventProcessing(
            processing -> {
              for (Slot slot : Slot.values()) {
                PooledProcessors.register(
                    processing, slot.processorName(), properties.getProcessor());
              }
            });
  }
}
