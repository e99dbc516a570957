package org.entente.json.eventstore;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The event store every service reads and appends through: Axon's embedded store (as Axon's
 * auto-configuration would make it), told of commits ({@link CommitAwareEventStore}).
 *
 * <p>{@code entente.event-store.fetch-delay}: how long the reader waits before looking again when
 * no commit woke it (Axon's 1 s); {@code entente.event-store.listen=false} leaves other nodes'
 * commits to that delay.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnBean(EventStorageEngine.class)
public class EventStoreAutoConfiguration {

  @Bean(name = "eventBus")
  @ConditionalOnMissingBean(EventBus.class)
  CommitAwareEventStore eventStore(
      EventStorageEngine storageEngine,
      Configuration configuration,
      @Value("${entente.event-store.fetch-delay:1s}") Duration fetchDelay) {
    return new CommitAwareEventStore(
        EmbeddedEventStore.builder()
            .storageEngine(storageEngine)
            .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
            .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
            .fetchDelay(fetchDelay.toMillis())
            .timeUnit(TimeUnit.MILLISECONDS));
  }

  @Bean
  @ConditionalOnBean({CommitAwareEventStore.class, DataSource.class})
  @ConditionalOnProperty(name = "entente.event-store.listen", matchIfMissing = true)
  CommittedEventsListener committedEventsListener(
      DataSource dataSource, CommitAwareEventStore store, EventSchema schema) {
    return new CommittedEventsListener(dataSource, store, schema.domainEventTable());
  }
}
