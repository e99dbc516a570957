package org.entente.live.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the Kafka publication, bound under {@code entente.kafka}. */
@ConfigurationProperties("entente.kafka")
public class LiveKafkaProperties {

  /** Whether stored events and derived updates are published to Kafka at all. */
  private boolean enabled = true;

  /**
   * The cluster to publish to (host:port,...). Empty: a single-node broker is started in this JVM
   * (see {@link Embedded}); {@code spring.kafka.bootstrap-servers} is used when this is empty.
   */
  private String bootstrapServers;

  /** The CloudEvents {@code source} of every published event. */
  private String source = "urn:entente:recorder";

  private final Topics topics = new Topics();
  private final Publisher publisher = new Publisher();
  private final Embedded embedded = new Embedded();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public Topics getTopics() {
    return topics;
  }

  public Publisher getPublisher() {
    return publisher;
  }

  public Embedded getEmbedded() {
    return embedded;
  }

  /** Topic names and their layout, created at start when missing. */
  public static class Topics {
    /** Every stored event, keyed by aggregate id. */
    private String events = "diplomacy.events.v1";

    /** Timeline entries as they are now, per actor or group (compacted). */
    private String timelineEntries = "diplomacy.timeline-entries.v1";

    /** A group's cohesion point of a day (compacted). */
    private String cohesionPoints = "diplomacy.cohesion-points.v1";

    /** Signed tree heads of the audit log, keyed by signing key id (kept forever). */
    private String treeHeads = "diplomacy.audit-tree-heads.v1";

    private int partitions = 3;
    private short replicationFactor = 1;

    public String getTreeHeads() {
      return treeHeads;
    }

    public void setTreeHeads(String treeHeads) {
      this.treeHeads = treeHeads;
    }

    public String getEvents() {
      return events;
    }

    public void setEvents(String events) {
      this.events = events;
    }

    public String getTimelineEntries() {
      return timelineEntries;
    }

    public void setTimelineEntries(String timelineEntries) {
      this.timelineEntries = timelineEntries;
    }

    public String getCohesionPoints() {
      return cohesionPoints;
    }

    public void setCohesionPoints(String cohesionPoints) {
      this.cohesionPoints = cohesionPoints;
    }

    public int getPartitions() {
      return partitions;
    }

    public void setPartitions(int partitions) {
      this.partitions = partitions;
    }

    public short getReplicationFactor() {
      return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
      this.replicationFactor = replicationFactor;
    }
  }

  /** The streaming processors that publish. */
  public static class Publisher {
    /**
     * Events sent (and flushed) per processor batch at most, before its token is stored: a batch
     * takes what is there, so live events go out at once; catching up, fewer flushes and queries
     * (with 100, the derived-updates publisher took 37.6 s to catch up after a 20,000-line import,
     * with 500, 20.2 s).
     */
    private int batchSize = 500;

    /**
     * How long a send may wait for the broker before the batch fails and is retried; also how long
     * the derived publisher waits for the timeline to apply an event. Kept below the processor's
     * token claim timeout (10 s), which a longer batch would lose.
     */
    private Duration sendTimeout = Duration.ofSeconds(8);

    /**
     * How often the cohesion points waiting for their group's stored cohesion are looked at (and
     * those it now covers sent); a point waits at least for the cohesion refresh of its group.
     */
    private Duration cohesionPointsInterval = Duration.ofMillis(250);

    public Duration getCohesionPointsInterval() {
      return cohesionPointsInterval;
    }

    public void setCohesionPointsInterval(Duration cohesionPointsInterval) {
      this.cohesionPointsInterval = cohesionPointsInterval;
    }

    public int getBatchSize() {
      return batchSize;
    }

    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }

    public Duration getSendTimeout() {
      return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
      this.sendTimeout = sendTimeout;
    }
  }

  /** The broker started in this JVM when no cluster is configured. */
  public static class Embedded {
    /** Log and metadata directory, kept across restarts. */
    private String dataDirectory = "./data/kafka";

    /** Client port on 127.0.0.1 (0: a free port). */
    private int port = 9092;

    /** Controller (KRaft quorum) port on 127.0.0.1 (0: a free port). */
    private int controllerPort = 9093;

    public String getDataDirectory() {
      return dataDirectory;
    }

    public void setDataDirectory(String dataDirectory) {
      this.dataDirectory = dataDirectory;
    }

    public int getPort() {
      return port;
    }

    public void setPort(int port) {
      this.port = port;
    }

    public int getControllerPort() {
      return controllerPort;
    }

    public void setControllerPort(int controllerPort) {
      this.controllerPort = controllerPort;
    }
  }
}
