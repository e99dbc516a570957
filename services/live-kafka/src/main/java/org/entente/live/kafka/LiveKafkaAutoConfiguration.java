package org.entente.live.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.entente.live.kafka.broker.EmbeddedKafkaBroker;
import org.entente.live.kafka.broker.KafkaTopics;
import org.entente.live.kafka.derived.CohesionPointsPublisher;
import org.entente.live.kafka.derived.DerivedUpdatesPublisher;
import org.entente.live.kafka.derived.PendingCohesionPoints;
import org.entente.live.kafka.events.EventPublisher;
import org.entente.live.kafka.events.EventRecords;
import org.entente.live.kafka.heads.TreeHeadPublisher;
import org.entente.timeline.cohesion.CohesionOfDay;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Live updates on Kafka: every stored event on the events topic, timeline entries and cohesion
 * points on their compacted topics. Publishes to {@code entente.kafka.bootstrap-servers} (or {@code
 * spring.kafka.bootstrap-servers}); with neither set, starts a single-node broker in this JVM. Off
 * with {@code entente.kafka.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "entente.kafka.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LiveKafkaProperties.class)
public class LiveKafkaAutoConfiguration {

  static final String NO_CLUSTER_CONFIGURED =
      "'${entente.kafka.bootstrap-servers:${spring.kafka.bootstrap-servers:}}'.isBlank()";

  @Bean(initMethod = "startInBackground", destroyMethod = "stop")
  @ConditionalOnExpression(NO_CLUSTER_CONFIGURED)
  EmbeddedKafkaBroker embeddedKafkaBroker(LiveKafkaProperties properties) {
    LiveKafkaProperties.Embedded embedded = properties.getEmbedded();
    return new EmbeddedKafkaBroker(
        Path.of(embedded.getDataDirectory()), embedded.getPort(), embedded.getControllerPort());
  }

  @Bean
  KafkaCluster kafkaCluster(
      LiveKafkaProperties properties,
      @Value("${spring.kafka.bootstrap-servers:}") String springBootstrapServers,
      ObjectProvider<EmbeddedKafkaBroker> embedded) {
    if (StringUtils.hasText(properties.getBootstrapServers())) {
      return new KafkaCluster(properties.getBootstrapServers(), false);
    }
    if (StringUtils.hasText(springBootstrapServers)) {
      return new KafkaCluster(springBootstrapServers, false);
    }
    return new KafkaCluster(embedded.getObject().bootstrapServers(), true);
  }

  @Bean(destroyMethod = "close")
  Admin kafkaAdmin(KafkaCluster cluster) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG, "entente-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
  }

  @Bean
  KafkaTopics kafkaTopics(Admin admin, LiveKafkaProperties properties, KafkaCluster cluster) {
    KafkaTopics topics = new KafkaTopics(admin, properties.getTopics());
    if (cluster.embedded()) {
      // the broker starts in the background: create the topics once it answers, off the start's
      // path (a publisher that sends first creates them itself, see ensureCreated)
      Thread creating =
          new Thread(
              () -> topics.ensureCreated(properties.getPublisher().getSendTimeout()),
              "kafka-topics-create");
      creating.setDaemon(true);
      creating.start();
    }
    return topics;
  }

  @Bean
  PublisherState kafkaPublisherState(ObjectProvider<MeterRegistry> meters) {
    return new PublisherState(meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean(destroyMethod = "close")
  KafkaSender kafkaEventSender(
      KafkaCluster cluster, LiveKafkaProperties properties, PublisherState state) {
    return new KafkaSender(
        "events", cluster.bootstrapServers(), properties.getPublisher().getSendTimeout(), state);
  }

  @Bean
  EventPublisher kafkaEventPublisher(
      LiveKafkaProperties properties, KafkaSender kafkaEventSender, KafkaTopics topics) {
    return new EventPublisher(
        new EventRecords(properties.getTopics().getEvents(), properties.getSource()),
        kafkaEventSender,
        topics);
  }

  @Bean(destroyMethod = "close")
  KafkaSender kafkaDerivedSender(
      KafkaCluster cluster, LiveKafkaProperties properties, PublisherState state) {
    return new KafkaSender(
        "derived", cluster.bootstrapServers(), properties.getPublisher().getSendTimeout(), state);
  }

  @Bean(destroyMethod = "close")
  TreeHeadPublisher kafkaTreeHeadPublisher(
      KafkaCluster cluster,
      KafkaTopics topics,
      LiveKafkaProperties properties,
      PublisherState state) {
    // a sender of its own: a failed head send never disturbs a processor's batch
    return new TreeHeadPublisher(
        properties.getTopics().getTreeHeads(),
        new KafkaSender(
            "tree-heads",
            cluster.bootstrapServers(),
            properties.getPublisher().getSendTimeout(),
            state),
        topics);
  }

  @Bean
  PendingCohesionPoints kafkaPendingCohesionPoints(
      JdbcTemplate jdbc, ObjectProvider<MeterRegistry> meters) {
    PendingCohesionPoints pending = new PendingCohesionPoints(jdbc);
    meters.ifAvailable(
        registry ->
            Gauge.builder("entente.kafka.cohesion.points.pending", pending, p -> p.count())
                .description("Cohesion points (group days) waiting for their group's refresh")
                .register(registry));
    return pending;
  }

  @Bean
  DerivedUpdatesPublisher kafkaDerivedUpdatesPublisher(
      JdbcTemplate jdbc,
      TimelineSlots slots,
      ProcessorPositions positions,
      PendingCohesionPoints kafkaPendingCohesionPoints,
      KafkaSender kafkaDerivedSender,
      KafkaTopics topics,
      LiveKafkaProperties properties) {
    return new DerivedUpdatesPublisher(
        jdbc,
        slots,
        positions,
        kafkaPendingCohesionPoints,
        kafkaDerivedSender,
        topics,
        properties.getTopics());
  }

  /** A sender of its own: its sends are awaited outside any processor batch. */
  @Bean(destroyMethod = "close")
  KafkaSender kafkaCohesionPointsSender(
      KafkaCluster cluster, LiveKafkaProperties properties, PublisherState state) {
    return new KafkaSender(
        "cohesion-points",
        cluster.bootstrapServers(),
        properties.getPublisher().getSendTimeout(),
        state);
  }

  @Bean
  CohesionPointsPublisher kafkaCohesionPointsPublisher(
      JdbcTemplate jdbc,
      PendingCohesionPoints kafkaPendingCohesionPoints,
      TimelineSlots slots,
      CohesionOfDay cohesion,
      KafkaSender kafkaCohesionPointsSender,
      KafkaTopics topics,
      LiveKafkaProperties properties,
      PlatformTransactionManager transactions) {
    return new CohesionPointsPublisher(
        jdbc,
        kafkaPendingCohesionPoints,
        slots,
        cohesion,
        kafkaCohesionPointsSender,
        topics,
        properties.getTopics().getCohesionPoints(),
        properties.getPublisher().getCohesionPointsInterval(),
        transactions);
  }

  @Bean
  @ConditionalOnBean(ProcessorPositions.class)
  KafkaHealth kafkaHealthIndicator(
      Admin admin,
      KafkaCluster cluster,
      PublisherState state,
      ProcessorPositions positions,
      ObjectProvider<MeterRegistry> meters) {
    return new KafkaHealth(
        admin,
        cluster.bootstrapServers(),
        state,
        positions,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  ConfigurerModule kafkaPublishingProcessors(LiveKafkaProperties properties) {
    return configurer ->
        configurer.eventProcessing(
            processing -> {
              register(processing, EventPublisher.PROCESSOR, properties.getPublisher());
              register(processing, DerivedUpdatesPublisher.PROCESSOR, properties.getPublisher());
            });
  }

  /**
   * A pooled streaming processor with one segment (so events are handled, and sent, in global
   * order) from the first stored event. Handler errors fail the batch (no skipping, no dead
   * letters: a parked event would be published out of order); the processor retries the batch.
   */
  static void register(
      EventProcessingConfigurer processing, String name, LiveKafkaProperties.Publisher settings) {
    processing.registerPooledStreamingEventProcessor(
        name,
        axon -> axon.eventStore(),
        (axon, builder) ->
            builder
                .initialToken(StreamableMessageSource::createTailToken)
                .initialSegmentCount(1)
                .maxClaimedSegments(1)
                .batchSize(settings.getBatchSize()));
    processing.registerListenerInvocationErrorHandler(
        name, axon -> PropagatingErrorHandler.instance());
  }
}
