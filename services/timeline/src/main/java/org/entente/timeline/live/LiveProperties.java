package org.entente.timeline.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The live (Server-Sent Events) streams, under {@code entente.live}. */
@ConfigurationProperties("entente.live")
public class LiveProperties {

  /** Streams open at once on this node; one more is answered 503 with Retry-After. */
  private int maxClients = 1000;

  /** Messages waiting for one client; a client further behind is told to resume and closed. */
  private int bufferSize = 1000;

  /** A comment line this often keeps an idle stream open through proxies. */
  private Duration heartbeat = Duration.ofSeconds(15);

  /** The tailer polls at least this often (a NOTIFY from the database wakes it sooner). */
  private Duration pollInterval = Duration.ofMillis(500);

  /** Rows per tailer or replay query. */
  private int batchSize = 500;

  /** Retry-After of the 503 answer when every stream is taken. */
  private Duration retryAfter = Duration.ofSeconds(5);

  /** A stream ends after this long (the client resumes with Last-Event-ID); 0: never. */
  private Duration maxDuration = Duration.ofHours(1);

  /** Resuming clients that read their missed messages from the database at once. */
  private int replayConcurrency = 4;

  public int getMaxClients() {
    return maxClients;
  }

  public void setMaxClients(int maxClients) {
    this.maxClients = maxClients;
  }

  public int getBufferSize() {
    return bufferSize;
  }

  public void setBufferSize(int bufferSize) {
    this.bufferSize = bufferSize;
  }

  public Duration getHeartbeat() {
    return heartbeat;
  }

  public void setHeartbeat(Duration heartbeat) {
    this.heartbeat = heartbeat;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int batchSize) {
    this.batchSize = batchSize;
  }

  public Duration getRetryAfter() {
    return retryAfter;
  }

  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  public Duration getMaxDuration() {
    return maxDuration;
  }

  public void setMaxDuration(Duration maxDuration) {
    this.maxDuration = maxDuration;
  }

  public int getReplayConcurrency() {
    return replayConcurrency;
  }

  public void setReplayConcurrency(int replayConcurrency) {
    this.replayConcurrency = replayConcurrency;
  }
}
