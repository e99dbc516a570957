package org.entente.standalone.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.live.kafka.KafkaCluster;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The standalone application with its Kafka publication on (its own in-JVM broker): after the demo
 * loads, every stored event is on the events topic, keyed by its aggregate, and health and metrics
 * say so.
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "entente.kafka.enabled=true")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class StandaloneKafkaIT {

  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaCluster cluster;
  private TestRestTemplate http;

  @Autowired
  void http(TestRestTemplate template) {
    this.http = TestUsers.authorized(template);
  }

  private double metric(String name) throws Exception {
    JsonNode metric =
        new ObjectMapper().readTree(http.getForObject("/actuator/metrics/" + name, String.class));
    return metric.at("/measurements/0/value").asDouble();
  }

  @Test
  void demoEvents_areAllOnTheEventsTopic_keyedByAggregate_andHealthSaysUp() throws Exception {
    Map<String, String> aggregateOfEvent = new HashMap<>();
    jdbc.query(
        "select event_identifier, aggregate_identifier from domain_event_entry",
        rs -> {
          aggregateOfEvent.put(rs.getString(1), rs.getString(2));
        });
    assertThat(aggregateOfEvent).hasSizeGreaterThan(100);
    assertThat(cluster.embedded()).isTrue();

    Map<String, String> keyOfEvent = new HashMap<>();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of("diplomacy.events.v1"));
      while (keyOfEvent.size() < aggregateOfEvent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keyOfEvent.put(
              new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
              record.key());
        }
      }
    }
    assertThat(keyOfEvent).isEqualTo(aggregateOfEvent);

    JsonNode health =
        new ObjectMapper().readTree(http.getForObject("/actuator/health", String.class));
    assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/kafka/details/lag").asLong()).isZero();
    assertThat(metric("entente.kafka.broker.up")).isEqualTo(1.0);
    assertThat(metric("entente.kafka.publish.lag")).isZero();
    // at-least-once: a retried batch counts again
    assertThat(metric("entente.kafka.published?tag=publisher:events"))
        .isGreaterThanOrEqualTo(aggregateOfEvent.size());
  }
}
