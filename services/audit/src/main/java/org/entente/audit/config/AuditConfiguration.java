package org.entente.audit.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.entente.audit.log.AuditLogProjection;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The audit log's processor: one pooled streaming processor with one segment, from the start of the
 * event store, its token in {@code token_entry} like every other processor's. Each batch appends
 * the settled part of the event table to the log in the batch's own transaction, so the token and
 * the log commit together. Heads are published and the log's tail appended on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@EnableScheduling
public class AuditConfiguration {

  @Bean
  ConfigurerModule auditLogProcessor() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerPooledStreamingEventProcessor(
                    AuditLogProjection.PROCESSOR,
                    axon -> axon.eventStore(),
                    (axon, builder) ->
                        builder
                            .initialToken(StreamableMessageSource::createTailToken)
                            .initialSegmentCount(1)
                            .batchSize(100)));
  }
}
