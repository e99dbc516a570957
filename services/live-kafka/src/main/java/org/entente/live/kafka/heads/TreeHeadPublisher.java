package org.entente.live.kafka.heads;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.entente.api.audit.TreeHeadIssued;
import org.entente.live.kafka.KafkaSender;
import org.entente.live.kafka.broker.KafkaTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Appends each signed tree head of the audit log to the tree-heads topic ({@code
 * entente.kafka.topics.tree-heads}), keyed by the signing key's id so that one key's heads keep
 * their order. Sent from a thread of its own (whoever issued the head does not wait for the
 * broker), retried a few times (at least once: a send that timed out but arrived is repeated;
 * consumers drop a head they have by treeSize and timestamp); a head that still cannot be sent is
 * logged and left out: each later head covers the log it covered, and {@code GET /api/audit/head}
 * has the latest.
 */
public class TreeHeadPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TreeHeadPublisher.class);
  private static final int ATTEMPTS = 3;

  private final String topic;
  private final KafkaSender sender;
  private final KafkaTopics topics;
  private final ExecutorService sending =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "entente-kafka-tree-heads");
            thread.setDaemon(true);
            return thread;
          });

  public TreeHeadPublisher(String topic, KafkaSender sender, KafkaTopics topics) {
    this.topic = topic;
    this.sender = sender;
    this.topics = topics;
  }

  @EventListener
  public void on(TreeHeadIssued head) {
    sending.execute(() -> send(head));
  }

  private void send(TreeHeadIssued head) {
    String key = keyId(head.json());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        if (!topics.ensureCreated(sender.timeout())) {
          throw new IllegalStateException("the topics could not be created");
        }
        sender.send(new ProducerRecord<>(topic, key, head.json().getBytes(StandardCharsets.UTF_8)));
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          log.warn(
              "tree head of size {} not published to {}: {}", head.treeSize(), topic, e.toString());
        }
      }
    }
  }

  /** The head's keyId member (a hex string, so a plain scan suffices). */
  static String keyId(String json) {
    int at = json.indexOf("\"keyId\":\"");
    if (at < 0) {
      return "unknown";
    }
    int from = at + "\"keyId\":\"".length();
    return json.substring(from, json.indexOf('"', from));
  }

  @Override
  public void close() {
    sending.shutdownNow();
    sender.close();
  }
}
