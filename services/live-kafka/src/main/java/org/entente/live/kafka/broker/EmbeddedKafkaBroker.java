package org.entente.live.kafka.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft combined mode (broker and controller in one), run in this JVM
 * from Apache Kafka's own jars, listening on 127.0.0.1 only. Its storage is formatted on first
 * start and kept across restarts. Every message is flushed to disk before it is acknowledged: with
 * one node there is no replica to recover a lost page cache from, and the publisher moves its token
 * on once a message is acknowledged.
 */
public class EmbeddedKafkaBroker {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDirectory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;
  private Thread starting;

  public EmbeddedKafkaBroker(Path dataDirectory, int port, int controllerPort) {
    this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    this.port = port == 0 ? freePort() : port;
    this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Starts the broker on a thread of its own and returns at once: its 3 seconds overlap the rest of
   * the service's start instead of adding to it. Whoever sends waits for it as for a broker that is
   * down (publishers retry; health says DEGRADED meanwhile).
   */
  public synchronized void startInBackground() {
    if (server != null || (starting != null && starting.isAlive())) {
      return;
    }
    starting =
        new Thread(
            () -> {
              try {
                start();
              } catch (RuntimeException e) {
                log.error("The embedded Kafka broker did not start", e);
              }
            },
            "kafka-broker-start");
    starting.setDaemon(true);
    starting.start();
  }

  /** Formats the storage when it is new, then starts the broker; returns once it runs. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    Properties config = config();
    Path file = dataDirectory.resolve("server.properties");
    try {
      Files.createDirectories(dataDirectory);
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        config.store(out, "written by Entente at each start of its embedded broker");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    format(file);
    KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
    started.startup();
    server = started;
    log.info("Kafka broker started on {} with data in {}", bootstrapServers(), dataDirectory);
  }

  /** Stops the broker (its data stays). */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdown();
    server.awaitShutdown();
    server = null;
    log.info("Kafka broker on {} stopped", bootstrapServers());
  }

  private void format(Path file) {
    if (Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
      return; // formatted before: keep its cluster id
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exit =
        StorageTool.execute(
            new String[] {
              "format",
              "--cluster-id",
              Uuid.randomUuid().toString(),
              "--config",
              file.toString(),
              "--ignore-formatted"
            },
            new PrintStream(output, true, StandardCharsets.UTF_8));
    if (exit != 0) {
      throw new IllegalStateException(
          "formatting Kafka storage in " + dataDirectory + " failed: " + output);
    }
  }

  private Properties config() {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dataDirectory.resolve("logs").toString());
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("log.flush.interval.messages", "1");
    return p;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
