package org.entente.timeline.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the read side, under {@code entente.timeline}. */
@ConfigurationProperties("entente.timeline")
public class TimelineProperties {

  private final Processor processor = new Processor();
  private final Rebuild rebuild = new Rebuild();
  private final History history = new History();
  private final Page page = new Page();

  public Processor getProcessor() {
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

  /** The pooled streaming processors that build the timeline (tune these for rebuild speed). */
  public static class Processor {
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

  /** The blue/green rebuild. */
  public static class Rebuild {
    /** How often a running rebuild is checked for having caught up. */
    private Duration checkInterval = Duration.ofMillis(250);

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
