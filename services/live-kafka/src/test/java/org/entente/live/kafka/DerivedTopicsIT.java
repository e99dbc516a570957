package org.entente.live.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRetracted;
import org.entente.json.EntenteJson;
import org.entente.live.kafka.support.KafkaBootTest;
import org.entente.live.kafka.support.TopicReader;
import org.entente.timeline.cohesion.CohesionOfDay;
import org.entente.timeline.support.Facts;
import org.entente.timeline.support.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Timeline entries and cohesion points derived from the fact store, on their compacted topics: a
 * statement reaches its speaker's, its target's and their alliance's timelines; a correction
 * publishes the new version under the same keys; the alliance's cohesion of the day follows.
 */
@KafkaBootTest
class DerivedTopicsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private final ObjectMapper json = EntenteJson.newObjectMapper();

  @Autowired EventStore eventStore;
  @Autowired KafkaCluster cluster;
  @Autowired LiveKafkaProperties properties;
  @Autowired CohesionOfDay cohesionOfDay;

  @Test
  void statementAndCorrection_reachEachTimeline_andTheAlliancesCohesionOfTheDay() {
    TestEvents events = new TestEvents(eventStore);
    events.append("Actor", "dv-alliance", Facts.actor("dv-alliance", ActorKind.ALLIANCE, "All"));
    events.append("Actor", "dv-nl", Facts.actor("dv-nl", ActorKind.STATE, "NL"));
    events.append("Actor", "dv-de", Facts.actor("dv-de", ActorKind.STATE, "DE"));
    events.append("Actor", "dv-nl", Facts.membership("dv-nl", "dv-alliance", "2020-01-01", null));
    events.append("Actor", "dv-de", Facts.membership("dv-de", "dv-alliance", "2020-01-01", null));
    events.append(
        "Statement",
        "dv-s1",
        Facts.statement(
            "dv-s1",
            "dv-nl",
            List.of("dv-de"),
            Facts.day("2025-02-13"),
            Stance.SUPPORT,
            "Wij steunen Duitsland."));

    Map<String, JsonNode> entries =
        latest(
            properties.getTopics().getTimelineEntries(),
            List.of("dv-nl/dv-s1", "dv-de/dv-s1", "dv-alliance/dv-s1"),
            1);
    assertThat(entries.get("dv-nl/dv-s1").get("ownerId").asText()).isEqualTo("dv-nl");
    assertThat(entries.get("dv-alliance/dv-s1").get("entryId").asText()).isEqualTo("dv-s1");
    assertThat(entries.get("dv-de/dv-s1").get("entry")).isNotNull();
    assertThat(entries.keySet()).allMatch(key -> key.endsWith("/dv-s1"));

    Map<String, JsonNode> points =
        latest(properties.getTopics().getCohesionPoints(), List.of("dv-alliance/2025-02-13"), 0);
    JsonNode point = points.get("dv-alliance/2025-02-13");
    assertThat(point.get("groupId").asText()).isEqualTo("dv-alliance");
    assertThat(point.get("date").asText()).isEqualTo("2025-02-13");
    assertThat(point.at("/cohesion/group/id").asText()).isEqualTo("dv-alliance");
    assertThat(points.keySet())
        .noneMatch(key -> key.startsWith("dv-nl/") || key.startsWith("dv-de/"));
    // read from the stored cohesion, it is the series the endpoint answers for the day
    assertThat(point.at("/cohesion/evidence/interactions").asInt()).isEqualTo(1);
    assertThat(point.get("cohesion"))
        .isEqualTo(
            json.valueToTree(
                cohesionOfDay.of("dv-alliance", LocalDate.parse("2025-02-13")).orElseThrow()));

    events.append("Statement", "dv-s1", Facts.correctText("dv-s1", "Wij steunen DE.", "typo"));

    Map<String, JsonNode> corrected =
        latest(
            properties.getTopics().getTimelineEntries(),
            List.of("dv-nl/dv-s1", "dv-de/dv-s1", "dv-alliance/dv-s1"),
            2);
    assertThat(corrected.values()).allMatch(value -> value.get("version").asInt() == 2);
  }

  @Test
  void aRetractedStatement_isRemovedFromTheTimelineTopic_byATombstoneAfterItsRetractedVersion() {
    TestEvents events = new TestEvents(eventStore);
    events.append("Actor", "dv-rfr", Facts.actor("dv-rfr", ActorKind.STATE, "FR"));
    events.append(
        "Statement",
        "dv-r1",
        Facts.statement(
            "dv-r1", "dv-rfr", List.of(), Facts.day("2025-03-01"), Stance.NEUTRAL, "Dit."));
    events.append("Statement", "dv-r1", new StatementRetracted("dv-r1", "misattributed"));

    String key = "dv-rfr/dv-r1";
    List<ConsumerRecord<String, byte[]>> read =
        TopicReader.read(
            cluster.bootstrapServers(),
            properties.getTopics().getTimelineEntries(),
            records -> records.stream().anyMatch(r -> key.equals(r.key()) && r.value() == null),
            WAIT);
    List<ConsumerRecord<String, byte[]>> mine =
        read.stream().filter(r -> key.equals(r.key())).toList();
    assertThat(mine).hasSizeGreaterThanOrEqualTo(3);
    assertThat(mine.get(mine.size() - 1).value()).isNull();
    JsonNode retracted = readJson(mine.get(mine.size() - 2).value());
    assertThat(retracted.at("/entry/retracted").asBoolean()).isTrue();
    assertThat(retracted.get("version").asInt()).isEqualTo(2);
    assertThat(readJson(mine.get(0).value()).at("/entry/retracted").asBoolean()).isFalse();
  }

  private JsonNode readJson(byte[] value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last value of each key read (as compaction keeps it), once every key has minVersion. */
  private Map<String, JsonNode> latest(String topic, List<String> keys, int minVersion) {
    List<ConsumerRecord<String, byte[]>> read =
        TopicReader.read(
            cluster.bootstrapServers(),
            topic,
            records -> {
              Map<String, JsonNode> last = lastByKey(records);
              return keys.stream()
                  .allMatch(
                      k ->
                          last.containsKey(k) && last.get(k).path("version").asInt() >= minVersion);
            },
            WAIT);
    Map<String, JsonNode> last = lastByKey(read);
    assertThat(last).containsKeys(keys.toArray(String[]::new));
    return last;
  }

  private Map<String, JsonNode> lastByKey(List<ConsumerRecord<String, byte[]>> records) {
    Map<String, JsonNode> last = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.key().startsWith("dv-") && record.value() != null) {
        try {
          last.put(record.key(), json.readTree(record.value()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return last;
  }
}
