package org.entente.timeline.config;

import java.time.Duration;

/**
 * Tuning of a pooled streaming processor of the read side (for rebuild speed), bound under {@code
 * <prefix>.processor.*} of the property class that holds it.
 */
public class PooledProcessorSettings {
  /** Events handled per transaction (rows and token are committed together). */
  private int batchSize = 100;

  /** Segments the event stream is split into when a processor first starts. */
  private int segments = 1;

  /** Worker threads per processor (at most this many segments are processed at once). */
  private int threads = 1;

  /** How often a processor looks for unclaimed segments. */
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
