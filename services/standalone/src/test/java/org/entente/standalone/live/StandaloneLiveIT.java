package org.entente.standalone.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.entente.live.kafka.KafkaCluster;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestStatements;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 9 end to end on the assembled application: statements recorded over HTTP appear on the
 * Kafka events topic and on the SSE events stream, in the same order, each with the same position
 * (the SSE id, the record's {@code ce_position}); the live metrics count what was sent.
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "entente.kafka.enabled=true")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class StandaloneLiveIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired KafkaCluster cluster;
  @Autowired TestRestTemplate http;

  @Test
  void recordedStatements_reachKafkaAndTheSseStream_inOrder_withTheSameIds() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> statements = List.of("live-e2e-1-" + run, "live-e2e-2-" + run);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> stream =
        HttpClient.newHttpClient()
            .send(
                TestUsers.authorized(
                        HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:" + port + "/api/live/events?actor=mark-rutte")))
                    .header("Accept", "text/event-stream")
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    Thread reader = new Thread(() -> stream.body().forEach(lines::add), "test-sse");
    reader.setDaemon(true);
    reader.start();
    try {
      assertThat(lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(":live");

      for (String id : statements) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created =
            TestUsers.authorized(http)
                .postForEntity(
                    "/api/statements",
                    new HttpEntity<>(TestStatements.rutteOnTheUnitedStates(id), headers),
                    String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
      }

      // SSE: id line, then data line, per message
      Map<String, String> sseIdOf = new LinkedHashMap<>();
      String id = null;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (sseIdOf.size() < statements.size() && System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line == null) {
          continue;
        }
        if (line.startsWith("id:")) {
          id = line.substring(3);
        } else if (line.startsWith("data:")) {
          String aggregate = JSON.readTree(line.substring(5)).path("aggregateId").asText();
          if (statements.contains(aggregate)) {
            sseIdOf.put(aggregate, id);
          }
        }
      }
      assertThat(sseIdOf.keySet()).containsExactlyElementsOf(statements);

      Map<String, String> kafkaPositionOf = new LinkedHashMap<>();
      try (KafkaConsumer<String, byte[]> consumer = consumer()) {
        consumer.subscribe(List.of("diplomacy.events.v1"));
        deadline = System.nanoTime() + WAIT.toNanos();
        while (kafkaPositionOf.size() < statements.size() && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (statements.contains(record.key())) {
              kafkaPositionOf.putIfAbsent(
                  record.key(),
                  new String(
                      record.headers().lastHeader("ce_position").value(), StandardCharsets.UTF_8));
            }
          }
        }
      }
      // one key per statement, each on its own partition perhaps: the order is the positions'
      List<String> byKafkaPosition = new ArrayList<>(kafkaPositionOf.keySet());
      byKafkaPosition.sort(
          (a, b) -> Long.compare(pos(kafkaPositionOf, a), pos(kafkaPositionOf, b)));
      assertThat(byKafkaPosition).containsExactlyElementsOf(statements);
      assertThat(kafkaPositionOf).isEqualTo(sseIdOf);

      assertThat(metric("entente.live.messages.sent?tag=stream:events", "COUNT"))
          .isGreaterThanOrEqualTo(statements.size());
      assertThat(metric("entente.live.lag?tag=stream:events", "COUNT"))
          .isGreaterThanOrEqualTo(statements.size());
      assertThat(metric("entente.live.clients?tag=stream:events", "VALUE")).isGreaterThan(0);
    } finally {
      stream.body().close();
    }
  }

  private static long pos(Map<String, String> positions, String key) {
    return Long.parseLong(positions.get(key));
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
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
            ByteArrayDeserializer.class));
  }

  private double metric(String name, String statistic) throws Exception {
    JsonNode metric =
        JSON.readTree(
            TestUsers.authorized(http).getForObject("/actuator/metrics/" + name, String.class));
    for (JsonNode m : metric.path("measurements")) {
      if (statistic.equals(m.path("statistic").asText())) {
        return m.path("value").asDouble();
      }
    }
    throw new AssertionError("no " + statistic + " in " + metric);
  }
}
