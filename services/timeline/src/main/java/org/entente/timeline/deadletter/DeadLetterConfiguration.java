package org.entente.timeline.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Dead letters: savepoints around projection handlers, and a gauge per processing group. */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

  /** Metric name: events waiting in a dead-letter queue, tagged {@code processing_group}. */
  public static final String WAITING_METRIC = "entente.dead.letters";

  /**
   * On by default; turning it off saves two statements per event but lets a database refusal stop
   * the processor instead of dead-lettering the event.
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "entente.dead-letters",
      name = "savepoint-per-event",
      matchIfMissing = true)
  SavepointPerEventHandler savepointPerEventHandler(PlatformTransactionManager transactions) {
    return new SavepointPerEventHandler(transactions);
  }

  /** Processing groups are known once Axon has started its processors. */
  @Bean
  ApplicationListener<ApplicationStartedEvent> deadLetterGauges(
      DeadLetters deadLetters, ObjectProvider<MeterRegistry> registries) {
    return event ->
        registries.ifAvailable(
            registry -> {
              for (String group : deadLetters.groups()) {
                Gauge.builder(WAITING_METRIC, deadLetters, letters -> letters.waiting(group))
                    .description("Events waiting in the dead-letter queue of a processing group")
                    .tag("processing_group", group)
                    .strongReference(true)
                    .register(registry);
              }
            });
  }
}
