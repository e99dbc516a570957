package org.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator on its own: deterministic, and every line obeys the rules the service checks
 * (references recorded before use, excerpts quoting the source at code-point offsets, weights the
 * CAMEO code's). {@code GeneratedHistoryIT} runs a history through the real service.
 */
class HistoryGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<String> generate(long seed, int events) {
    List<String> lines = new ArrayList<>();
    new HistoryGenerator(seed, events, Cameo.load()).write(lines::add);
    return lines;
  }

  @Test
  void sameSeed_givesTheSameHistory_andAnotherSeedAnotherOne() {
    assertThat(generate(42, 3_000)).isEqualTo(generate(42, 3_000));
    assertThat(generate(43, 3_000)).isNotEqualTo(generate(42, 3_000));
  }

  @Test
  void codebook_isTheRecordersCopy() throws IOException {
    Path recorder = Path.of(System.getProperty("entente.bench.recorder-codebook"));
    try (var in = Cameo.class.getResourceAsStream("/cameo-goldstein.tsv")) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(recorder));
    }
  }

  @Test
  void history_hasEveryKindOfFact_inRealisticProportions() {
    HistoryGenerator generator = new HistoryGenerator(7, 20_000, Cameo.load());
    List<String> lines = new ArrayList<>();
    generator.write(lines::add);
    Map<String, Integer> counts = generator.commandCounts();
    assertThat(lines).hasSize(20_000);
    assertThat(counts)
        .containsKeys(
            "RegisterActor",
            "RecordMembership",
            "AssignRole",
            "RegisterSource",
            "RecordDiplomaticEvent",
            "MarkDiplomaticEventHeld",
            "CancelDiplomaticEvent",
            "RetractDiplomaticEvent",
            "RecordStatement",
            "CorrectStatement",
            "RetractStatement",
            "AddTranslation");
    assertThat(counts.get("RecordStatement")).isGreaterThan(20_000 / 2);
    assertThat(counts.get("RegisterActor")).isGreaterThan(500);
    // memberships change over time: some members leave (a period with an end) and rejoin
    assertThat(generator.memberships()).anyMatch(m -> m.to() != null);
    Map<String, Integer> periods = new HashMap<>();
    generator.memberships().forEach(m -> periods.merge(m.actorId() + m.groupId(), 1, Integer::sum));
    assertThat(periods.values()).anyMatch(n -> n > 1);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 99})
  void everyLine_obeysTheServicesRules(long seed) throws IOException {
    Cameo cameo = Cameo.load();
    Map<String, Double> weights = new HashMap<>();
    cameo.all().forEach(c -> weights.put(c.code(), c.goldstein()));
    Map<String, String> actorKinds = new HashMap<>();
    Map<String, String> sourceTexts = new HashMap<>();
    Set<String> events = new HashSet<>();
    Set<String> retractedEvents = new HashSet<>();
    Set<String> statements = new HashSet<>();
    Set<String> retractedStatements = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (String line : generate(seed, 5_000)) {
      JsonNode node = JSON.readTree(line);
      JsonNode body = node.path("body");
      String command = node.path("command").asText();
      assertThat(keys.add(node.path("idempotencyKey").asText())).as(line).isTrue();
      switch (command) {
        case "RegisterActor" -> {
          assertThat(body.path("actorId").asText()).matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
          assertThat(actorKinds.put(body.path("actorId").asText(), body.path("kind").asText()))
              .isNull();
        }
        case "RecordMembership" -> {
          assertThat(actorKinds.get(body.path("actorId").asText())).isEqualTo("STATE");
          assertThat(actorKinds.get(body.path("groupId").asText()))
              .isIn("ALLIANCE", "ORGANISATION", "GROUP");
          assertForward(body);
        }
        case "AssignRole" -> {
          assertThat(actorKinds.get(body.path("actorId").asText())).isEqualTo("PERSON");
          assertThat(actorKinds.get(body.path("atActorId").asText()))
              .isIn("STATE", "ALLIANCE", "ORGANISATION");
          assertForward(body);
        }
        case "RegisterSource" -> {
          assertThat(body.path("url").asText()).startsWith("https://");
          sourceTexts.put(body.path("sourceId").asText(), body.path("text").asText());
        }
        case "RecordDiplomaticEvent" -> {
          Set<String> parts = new HashSet<>();
          for (JsonNode p : body.path("participants")) {
            assertThat(actorKinds).containsKey(p.path("actorId").asText());
            assertThat(parts.add(p.path("actorId").asText() + p.path("part").asText())).isTrue();
          }
          assertCitations(body.path("sources"), sourceTexts);
          events.add(body.path("eventId").asText());
        }
        case "MarkDiplomaticEventHeld", "CancelDiplomaticEvent" -> {
          assertThat(events).contains(body.path("eventId").asText());
          assertThat(retractedEvents).doesNotContain(body.path("eventId").asText());
        }
        case "RetractDiplomaticEvent" -> {
          assertThat(events).contains(body.path("eventId").asText());
          assertThat(retractedEvents.add(body.path("eventId").asText())).isTrue();
        }
        case "RecordStatement" -> {
          String speaker = body.path("speakerId").asText();
          assertThat(actorKinds).containsKey(speaker);
          Set<String> targets = new HashSet<>();
          for (JsonNode t : body.path("targetIds")) {
            assertThat(actorKinds).containsKey(t.asText());
            assertThat(targets.add(t.asText())).isTrue();
          }
          if (body.has("eventId")) {
            assertThat(events).contains(body.path("eventId").asText());
            assertThat(retractedEvents).doesNotContain(body.path("eventId").asText());
          }
          assertCoding(body, weights);
          assertThat(body.path("citations").size()).isPositive();
          assertCitations(body.path("citations"), sourceTexts);
          String original = body.path("original").path("language").asText();
          for (JsonNode t : body.path("translations")) {
            assertThat(t.path("language").asText()).isNotEqualTo(original);
          }
          assertThat(statements.add(body.path("statementId").asText())).isTrue();
        }
        case "CorrectStatement", "AddTranslation", "RetractStatement" -> {
          String id = body.path("statementId").asText();
          assertThat(statements).contains(id);
          assertThat(retractedStatements).as(line).doesNotContain(id);
          if (command.equals("CorrectStatement")) {
            assertThat(body.path("reason").asText()).isNotBlank();
            if (body.has("cameoCode")) {
              assertCoding(body, weights);
            }
          }
          if (command.equals("RetractStatement")) {
            retractedStatements.add(id);
          }
        }
        default -> throw new AssertionError("unexpected command " + command);
      }
    }
  }

  private static void assertForward(JsonNode body) {
    if (body.has("to")) {
      assertThat(body.path("to").asText()).isGreaterThan(body.path("from").asText());
    }
  }

  private static void assertCoding(JsonNode body, Map<String, Double> weights) {
    String code = body.path("cameoCode").asText();
    assertThat(weights).containsKey(code);
    assertThat(body.path("weight").path("value").asDouble()).isEqualTo(weights.get(code));
    assertThat(body.path("weight").path("scale").asText()).isEqualTo("goldstein");
    assertThat(body.path("weight").path("scaleVersion").asText()).isEqualTo("cameo-1.1b3");
    assertThat(body.path("stance").asText())
        .isEqualTo(Cameo.stanceOf(new Cameo.Code(code, "", weights.get(code))));
  }

  private static void assertCitations(JsonNode citations, Map<String, String> texts) {
    Set<String> seen = new HashSet<>();
    for (JsonNode citation : citations) {
      String text = texts.get(citation.path("sourceId").asText());
      assertThat(text).as("source registered before it is cited").isNotNull();
      JsonNode excerpt = citation.path("excerpt");
      int start = excerpt.path("start").asInt();
      int end = excerpt.path("end").asInt();
      assertThat(end).isGreaterThan(start);
      assertThat(end).isLessThanOrEqualTo(text.codePointCount(0, text.length()));
      assertThat(HistoryGenerator.codePoints(text, start, end))
          .isEqualTo(excerpt.path("quote").asText());
      assertThat(citation.path("grade").asText()).isNotBlank();
      assertThat(seen.add(citation.path("sourceId").asText() + start + "-" + end)).isTrue();
    }
  }
}
