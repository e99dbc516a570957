package org.entente.timeline.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** Settings of the read side, under {@code entente.timeline}. */
@ConfigurationProperties("entente.timeline")
public class TimelineProperties {

  /**
   * The pooled streaming processors that build the timeline (tune these for rebuild speed). 500
   * events per batch by default: a rebuild or a catch-up pays the per-batch work (lock, cohesion
   * marks, token, commit) a fifth as often as with 100; a live batch holds only what is there.
   */
  @NestedConfigurationProperty private final PooledProcessorSettings processor = largeBatches();

  private final Rebuild rebuild = new Rebuild();
  private final History history = new History();
  private final Page page = new Page();
  private final Streaming streaming = new Streaming();

  private static PooledProcessorSettings largeBatches() {
    PooledProcessorSettings settings = new PooledProcessorSettings();
    settings.setBatchSize(500);
    return settings;
  }

  public PooledProcessorSettings getProcessor() {
    return processor;
  }

  public Rebuild getRebuild() {
    return rebuild;
  }

  public History getHistory() {
    return history;
  }

  public Page getPage() {
    return page;
  }

  public Streaming getStreaming() {
    return streaming;
  }

  /** The blue/green rebuild. */
  public static class Rebuild {
    /** How often a running rebuild is checked for having caught up. */
    private Duration checkInterval = Duration.ofMillis(250);

    /**
     * How long a caught-up rebuild waits for the stored cohesion of its slot before it switches
     * anyway (the groups still marked are then computed from facts until the refresh gets there).
     */
    private Duration cohesionWait = Duration.ofMinutes(2);

    public Duration getCohesionWait() {
      return cohesionWait;
    }

    public void setCohesionWait(Duration cohesionWait) {
      this.cohesionWait = cohesionWait;
    }

    public Duration getCheckInterval() {
      return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
      this.checkInterval = checkInterval;
    }
  }

  /** The raw history stream. */
  public static class History {
    /** Rows fetched per round trip by the database cursor. */
    private int fetchSize = 500;

    public int getFetchSize() {
      return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
      this.fetchSize = fetchSize;
    }

    /**
     * How long a request first waits for the write transactions running when it came to commit (the
     * history holds back events stored after a transaction that is still open).
     */
    private Duration settleTimeout = Duration.ofSeconds(2);

    public Duration getSettleTimeout() {
      return settleTimeout;
    }

    public void setSettleTimeout(Duration settleTimeout) {
      this.settleTimeout = settleTimeout;
    }
  }

  /** The bulkhead of streaming downloads (the history and timeline exports). */
  public static class Streaming {
    /** Downloads at once; one more is refused with 503 and Retry-After. */
    private int maxStreams = 6;

    /** Connections of the streaming pool (its own, apart from the application's). */
    private int poolSize = 6;

    /** How long a stream waits for a connection of the streaming pool. */
    private Duration connectionTimeout = Duration.ofSeconds(5);

    /**
     * How long a stream may last (the asynchronous request timeout; {@code
     * spring.mvc.async.request-timeout} wins if set). Resume a longer history with {@code after}.
     */
    private Duration timeout = Duration.ofMinutes(30);

    /** The Retry-After of a refused download. */
    private Duration retryAfter = Duration.ofSeconds(5);

    public int getMaxStreams() {
      return maxStreams;
    }

    public void setMaxStreams(int maxStreams) {
      this.maxStreams = maxStreams;
    }

    public int getPoolSize() {
      return poolSize;
    }

    public void setPoolSize(int poolSize) {
      this.poolSize = poolSize;
    }

    public Duration getConnectionTimeout() {
      return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
      this.connectionTimeout = connectionTimeout;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public Duration getRetryAfter() {
      return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
    }
  }

  /** Timeline pages. */
  public static class Page {
    private int defaultLimit = 50;
    private int maxLimit = 500;

    /** Entries read per query while streaming an export. */
    private int exportPageSize = 500;

    public int getDefaultLimit() {
      return defaultLimit;
    }

    public void setDefaultLimit(int defaultLimit) {
      this.defaultLimit = defaultLimit;
    }

    public int getMaxLimit() {
      return maxLimit;
    }

    public void setMaxLimit(int maxLimit) {
      this.maxLimit = maxLimit;
    }

    public int getExportPageSize() {
      return exportPageSize;
    }

    public void setExportPageSize(int exportPageSize) {
      this.exportPageSize = exportPageSize;
    }
  }
}
