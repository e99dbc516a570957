package org.entente.recorder.config;

import java.time.Clock;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.entente.api.common.MetadataKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metadata every event carries, copied from the command that caused it. */
@Configuration(proxyBeanMethods = false)
public class RecorderAxonConfiguration {

  /**
   * Aggregates kept by default: with them the 100k benchmark stayed at 307 MB of heap after a GC.
   */
  static final long AGGREGATE_CACHE_SIZE = 10_000;

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The four aggregates stay in memory between commands, up to {@code
   * entente.commands.aggregate-cache-size} of them (the least likely to be used again evicted), so
   * a follow-up command does not read its aggregate's stream again. Entries of a unit of work that
   * rolls back are evicted by Axon, and those of an outer transaction that rolls back by
   * ReferenceWriter.
   */
  @Bean
  Cache aggregateCache(
      @Value("${entente.commands.aggregate-cache-size:" + AGGREGATE_CACHE_SIZE + "}")
          long maximumSize) {
    return new BoundedAggregateCache(maximumSize);
  }

  /** Copies the command's metadata onto every event it produces. */
  @Bean
  CorrelationDataProvider recordMetadataProvider() {
    return new SimpleCorrelationDataProvider(
        MetadataKeys.RECORDED_BY,
        MetadataKeys.RECORDED_AT,
        MetadataKeys.COMMAND_ID,
        MetadataKeys.CORRELATION_ID,
        MetadataKeys.CAUSATION_ID,
        MetadataKeys.IDEMPOTENCY_KEY,
        MetadataKeys.IMPORT_FILE,
        MetadataKeys.IMPORT_SHA256);
  }
}
