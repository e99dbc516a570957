package org.entente.live.kafka.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.entente.live.kafka.LiveKafkaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that are missing, with partitions and replication from configuration: the
 * events topic keeps everything (time-based deletion off), the derived topics are compacted (a
 * consumer that starts late still gets the latest value of every key); the tree-heads topic keeps
 * everything too.
 */
public class KafkaTopics {

  private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

  private final Admin admin;
  private final LiveKafkaProperties.Topics topics;
  private volatile boolean created;

  public KafkaTopics(Admin admin, LiveKafkaProperties.Topics topics) {
    this.admin = admin;
    this.topics = topics;
  }

  /** Creates what is missing (once per run); false if the cluster did not answer in time. */
  public synchronized boolean ensureCreated(Duration timeout) {
    if (created) {
      return true;
    }
    try {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (NewTopic topic : wanted()) {
        if (!existing.contains(topic.name())) {
          missing.add(topic);
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Kafka topics created: {}", missing.stream().map(NewTopic::name).toList());
      }
      created = true;
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
        created = true;
        return true; // another node created it meanwhile
      }
      log.warn("Kafka topics not created yet: {}", e.getCause().toString());
      return false;
    } catch (TimeoutException e) {
      log.warn("Kafka topics not created yet: the cluster did not answer within {}", timeout);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private List<NewTopic> wanted() {
    Map<String, String> keepAll = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
    Map<String, String> compacted =
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    return List.of(
        topic(topics.getEvents(), keepAll),
        topic(topics.getTimelineEntries(), compacted),
        topic(topics.getCohesionPoints(), compacted),
        topic(topics.getTreeHeads(), keepAll));
  }

  private NewTopic topic(String name, Map<String, String> configs) {
    return new NewTopic(name, topics.getPartitions(), topics.getReplicationFactor())
        .configs(configs);
  }
}
