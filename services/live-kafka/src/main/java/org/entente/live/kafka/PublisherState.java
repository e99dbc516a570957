package org.entente.live.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the publishers last achieved, per publisher: for health and metrics ({@code
 * entente.kafka.published} counts acknowledged records).
 */
public class PublisherState {

  /** The outcome of a publisher's last batch. */
  public record Outcome(boolean ok, Instant at, String error) {}

  private final MeterRegistry meters;
  private final Map<String, Outcome> last = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public PublisherState(MeterRegistry meters) {
    this.meters = meters;
  }

  void published(String publisher, int records) {
    last.put(publisher, new Outcome(true, Instant.now(), null));
    counters
        .computeIfAbsent(
            publisher,
            p ->
                Counter.builder("entente.kafka.published")
                    .description("Records acknowledged by Kafka")
                    .tag("publisher", p)
                    .register(meters))
        .increment(records);
  }

  void failed(String publisher, Throwable cause) {
    last.put(publisher, new Outcome(false, Instant.now(), String.valueOf(cause)));
  }

  public Map<String, Outcome> outcomes() {
    return Map.copyOf(last);
  }
}
