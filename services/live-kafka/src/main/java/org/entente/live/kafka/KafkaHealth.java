package org.entente.live.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.entente.live.kafka.events.EventPublisher;
import org.entente.timeline.timeline.ProcessorPositions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health {@code kafka}: {@code UP} while the cluster answers and the publishers' last batches were
 * acknowledged; {@code DEGRADED} (never {@code DOWN}) while the cluster is unreachable or a batch
 * failed: the service keeps recording, the publishers retry and catch up when Kafka returns.
 * Details: the cluster, each publisher's last outcome and how far it is behind the event store.
 * Also the gauges {@code entente.kafka.broker.up} (1/0, probed every 5 s) and {@code
 * entente.kafka.publish.lag} (events stored but not yet acknowledged by Kafka).
 */
public class KafkaHealth implements HealthIndicator, DisposableBean {

  public static final Status DEGRADED = new Status("DEGRADED");

  private final Admin admin;
  private final String bootstrapServers;
  private final PublisherState state;
  private final ProcessorPositions positions;
  private final ScheduledExecutorService probe =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "kafka-broker-probe");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean brokerUp;

  public KafkaHealth(
      Admin admin,
      String bootstrapServers,
      PublisherState state,
      ProcessorPositions positions,
      MeterRegistry meters) {
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
    this.state = state;
    this.positions = positions;
    Gauge.builder("entente.kafka.broker.up", this, h -> h.brokerUp ? 1 : 0)
        .description("1 while the Kafka cluster answers, else 0")
        .register(meters);
    Gauge.builder("entente.kafka.publish.lag", this, h -> h.lag())
        .description("Stored events not yet acknowledged by Kafka (positions behind the head)")
        .register(meters);
    probe.scheduleWithFixedDelay(this::probe, 0, 5, TimeUnit.SECONDS);
  }

  /** Positions between the event store's head and the events publisher's token. */
  public long lag() {
    long head = positions.head();
    long published = positions.safePosition(EventPublisher.PROCESSOR);
    return Math.max(0, head - published);
  }

  public boolean brokerUp() {
    return brokerUp;
  }

  private boolean probe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2000))
          .clusterId()
          .get(3, TimeUnit.SECONDS);
      brokerUp = true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      brokerUp = false;
    }
    return brokerUp;
  }

  @Override
  public Health health() {
    boolean up = probe();
    Map<String, Object> publishers = new LinkedHashMap<>();
    boolean failing = false;
    for (var e : state.outcomes().entrySet()) {
      publishers.put(e.getKey(), e.getValue());
      failing |= !e.getValue().ok();
    }
    Health.Builder health = up && !failing ? Health.up() : Health.status(DEGRADED);
    health
        .withDetail("bootstrapServers", bootstrapServers)
        .withDetail("broker", up ? "UP" : "UNREACHABLE");
    try {
      health.withDetail("lag", lag());
    } catch (RuntimeException e) {
      health.withDetail("lag", "unknown: " + e.getMessage());
    }
    return health.withDetail("publishers", publishers).build();
  }

  @Override
  public void destroy() {
    probe.shutdownNow();
  }
}
