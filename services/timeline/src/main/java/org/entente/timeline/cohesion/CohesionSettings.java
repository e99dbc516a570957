package org.entente.timeline.cohesion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the cohesion projection, under {@code entente.cohesion}. */
@ConfigurationProperties("entente.cohesion")
public class CohesionSettings {

  private final Processor processor = new Processor();

  public Processor getProcessor() {
    return processor;
  }

  /** The pooled streaming processor "cohesion" (tune it for rebuild speed). */
  public static class Processor {
    /** Events handled per transaction (rows and token are committed together). */
    private int batchSize = 100;

    /** Segments the event stream is split into when the processor first starts. */
    private int segments = 1;

    /** Worker threads (at most this many segments are processed at once). */
    private int threads = 1;

    /** How often the processor looks for unclaimed segments. */
    private Duration tokenClaimInterval = Duration.ofSeconds(5);

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public int getSegments() {
      return segments;
    }

    public void setSegments(int segments) {
      this.segments = segments;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }

    public Duration getTokenClaimInterval() {
      return tokenClaimInterval;
    }

    public void setTokenClaimInterval(Duration tokenClaimInterval) {
      this.tokenClaimInterval = tokenClaimInterval;
    }
  }
}
