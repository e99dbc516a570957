package org.entente.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.entente.api.audit.TreeHeadIssued;
import org.entente.live.kafka.support.KafkaBootTest;
import org.entente.live.kafka.support.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Each signed tree head issued is appended to the tree-heads topic as it was issued, keyed by its
 * signing key, in order (at least once).
 */
@KafkaBootTest
class TreeHeadsTopicIT {

  @Autowired ApplicationEventPublisher publisher;
  @Autowired KafkaCluster cluster;
  @Autowired LiveKafkaProperties properties;

  @Test
  void issuedHeads_areAppendedToTheTopic_keyedByKeyId_inOrder() {
    String first = head(7, "aa");
    String second = head(9, "bb");
    publisher.publishEvent(new TreeHeadIssued(7, first));
    publisher.publishEvent(new TreeHeadIssued(9, second));

    List<ConsumerRecord<String, byte[]>> read =
        TopicReader.read(
            cluster.bootstrapServers(),
            properties.getTopics().getTreeHeads(),
            records -> records.stream().anyMatch(r -> TopicReader.value(r).equals(second)),
            Duration.ofSeconds(60));
    // at-least-once: a send retried after a time-out may repeat a head, never reorder them
    assertThat(read.stream().map(TopicReader::value).distinct()).containsExactly(first, second);
    assertThat(read).extracting(ConsumerRecord::key).containsOnly("key-1");
    assertThat(properties.getTopics().getTreeHeads()).isEqualTo("diplomacy.audit-tree-heads.v1");
  }

  private static String head(long size, String root) {
    return "{\"treeSize\":"
        + size
        + ",\"rootHash\":\""
        + root
        + "\",\"timestamp\":1,\"issuedAt\":\"1970-01-01T00:00:00.001Z\",\"keyId\":\"key-1\","
        + "\"algorithm\":\"Ed25519\",\"signature\":\"c2ln\"}";
  }
}
