package org.entente.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.entente.api.common.Weight;
import org.entente.json.EntenteJson;
import org.junit.jupiter.api.Test;

/**
 * The demo dataset (built by {@code infra/demo/build_demo_dataset.py}) is checked here on its own,
 * without the recorder: every line is a valid command of the published language, every excerpt is
 * the exact text at its code-point offsets, every weight is the one the CAMEO/Goldstein table
 * gives, and the scenario holds what the issue asks for.
 */
class DemoDatasetTest {

  private static final Path STORED_TEXT =
      Path.of("..", "..", "infra", "demo", "nos-2025-02-13-navo-defensieministers.nl.txt");
  private static final String CAMEO_TABLE = "cameo/cameo-goldstein.tsv";
  private static final List<String> API_PACKAGES = List.of("actor", "source", "event", "statement");

  private final ObjectMapper json = EntenteJson.newObjectMapper();
  private final List<JsonNode> lines = DemoDataset.lines();

  @Test
  void lineCounts_perCommand() {
    Map<String, Long> counts =
        lines.stream()
            .collect(
                Collectors.groupingBy(
                    line -> line.get("command").asText(), TreeMap::new, Collectors.counting()));

    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "RegisterActor", 44L,
                "RecordMembership", 91L,
                "AssignRole", 6L,
                "RegisterSource", 1L,
                "RecordDiplomaticEvent", 7L,
                "RecordStatement", 8L));
    assertThat(lines).hasSize(157);
  }

  @Test
  void everyLine_isAValidCommandWithAUniqueIdempotencyKey() throws Exception {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    Set<String> keys = new HashSet<>();
    for (JsonNode line : lines) {
      assertThat(fieldNames(line)).containsExactly("command", "idempotencyKey", "body");
      assertThat(keys.add(line.get("idempotencyKey").asText()))
          .as("idempotency key %s is unique", line.get("idempotencyKey"))
          .isTrue();
      Object command = json.treeToValue(line.get("body"), commandClass(line));
      assertThat(validator.validate(command)).as("violations of %s", line).isEmpty();
    }
  }

  @Test
  void storedSourceText_isTheSeedArticleWithoutItsHeader() throws Exception {
    JsonNode source = DemoDataset.bodies("RegisterSource").findFirst().orElseThrow();
    String text = source.get("text").asText();

    assertThat(text).isEqualTo(Files.readString(STORED_TEXT, StandardCharsets.UTF_8));
    assertThat(text).startsWith("De NAVO-top in Brussel is afgelopen.");
    assertThat(text)
        .endsWith("anders kan die voor Nederland zo belangrijke top geen succes worden.");
    assertThat(text.codePointCount(0, text.length())).isEqualTo(2732);
    assertThat(sha256(text))
        .isEqualTo("4ea991dba2ec066c1863269e6d910173814798d8f40af92913ed2da8f228800a");
    assertThat(source.get("publisher").asText()).isEqualTo("NOS");
    assertThat(source.get("language").asText()).isEqualTo("nl");
    assertThat(source.get("publishedAt").asText()).isEqualTo("2025-02-13T00:00:00Z");
    assertThat(source.has("url")).as("no invented URL").isFalse();
  }

  @Test
  void everyExcerpt_isTheQuotedTextAtItsCodePointOffsets() {
    Map<String, String> texts = new HashMap<>();
    DemoDataset.bodies("RegisterSource")
        .forEach(s -> texts.put(s.get("sourceId").asText(), s.get("text").asText()));
    int checked = 0;
    for (JsonNode line : lines) {
      JsonNode body = line.get("body");
      for (JsonNode citation : citations(body)) {
        String text = texts.get(citation.get("sourceId").asText());
        assertThat(text).as("cited source of %s", line.get("idempotencyKey")).isNotNull();
        JsonNode excerpt = citation.get("excerpt");
        int start = excerpt.get("start").asInt();
        int end = excerpt.get("end").asInt();
        assertThat(start).isBetween(0, end);
        assertThat(end).isLessThanOrEqualTo(text.codePointCount(0, text.length()));
        assertThat(codePoints(text, start, end))
            .as("excerpt of %s", line.get("idempotencyKey"))
            .isEqualTo(excerpt.get("quote").asText());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(15);
  }

  @Test
  void everyStatementWeight_isTheGoldsteinWeightOfItsCameoCode() throws IOException {
    Map<String, Double> goldstein = cameoTable();
    List<JsonNode> statements = DemoDataset.bodies("RecordStatement").toList();
    assertThat(statements).isNotEmpty();
    for (JsonNode statement : statements) {
      String code = statement.get("cameoCode").asText();
      assertThat(goldstein).as("CAMEO code of %s", statement.get("statementId")).containsKey(code);
      JsonNode weight = statement.get("weight");
      assertThat(weight.get("value").asDouble()).isEqualTo(goldstein.get(code));
      assertThat(weight.get("scale").asText()).isEqualTo(Weight.GOLDSTEIN);
      assertThat(weight.get("scaleVersion").asText()).isEqualTo(Weight.GOLDSTEIN_VERSION);
      assertThat(statement.has("weightOverrideReason")).isFalse();
    }
  }

  @Test
  void everyReference_pointsToSomethingRecordedOnAnEarlierLine() {
    Map<String, String> actorKinds = new HashMap<>();
    Set<String> sources = new HashSet<>();
    Set<String> events = new HashSet<>();
    for (JsonNode line : lines) {
      JsonNode body = line.get("body");
      String key = line.get("idempotencyKey").asText();
      switch (line.get("command").asText()) {
        case "RegisterActor" ->
            actorKinds.put(body.get("actorId").asText(), body.get("kind").asText());
        case "RecordMembership" -> assertKnown(actorKinds, key, body, "actorId", "groupId");
        case "AssignRole" -> assertKnown(actorKinds, key, body, "actorId", "atActorId");
        case "RegisterSource" -> sources.add(body.get("sourceId").asText());
        case "RecordDiplomaticEvent" -> {
          body.get("participants").forEach(p -> assertKnown(actorKinds, key, p, "actorId"));
          events.add(body.get("eventId").asText());
        }
        case "RecordStatement" -> {
          assertKnown(actorKinds, key, body, "speakerId");
          body.get("targetIds")
              .forEach(t -> assertThat(actorKinds).as("target of %s", key).containsKey(t.asText()));
          if (body.has("eventId")) {
            assertThat(events).as("event of %s", key).contains(body.get("eventId").asText());
          }
        }
        default -> fail("unexpected command in %s", key);
      }
      citations(body)
          .forEach(
              c ->
                  assertThat(sources).as("source of %s", key).contains(c.get("sourceId").asText()));
    }
  }

  @Test
  void natoMembers_areThe32StatesWithTheirAccessionDates() {
    Map<String, String> joined =
        DemoDataset.bodies("RecordMembership")
            .filter(m -> m.get("groupId").asText().equals("nato"))
            .collect(Collectors.toMap(m -> m.get("actorId").asText(), m -> m.get("from").asText()));

    assertThat(joined).hasSize(32);
    assertThat(joined)
        .containsEntry("united-states", "1949-08-24")
        .containsEntry("netherlands", "1949-08-24")
        .containsEntry("greece", "1952-02-18")
        .containsEntry("germany", "1955-05-06")
        .containsEntry("spain", "1982-05-30")
        .containsEntry("poland", "1999-03-12")
        .containsEntry("estonia", "2004-03-29")
        .containsEntry("croatia", "2009-04-01")
        .containsEntry("montenegro", "2017-06-05")
        .containsEntry("north-macedonia", "2020-03-27")
        .containsEntry("finland", "2023-04-04")
        .containsEntry("sweden", "2024-03-07");
    assertThat(DemoDataset.bodies("RecordMembership").filter(m -> m.has("to")))
        .extracting(m -> m.get("actorId").asText() + " " + m.get("groupId").asText())
        .containsExactly("united-kingdom eu");
  }

  @Test
  void europeanAlliesAndCanada_areAllNatoMembersButTheUnitedStates() {
    Set<String> nato = members("nato");
    Set<String> allies = members("european-allies-and-canada");

    assertThat(allies).hasSize(31).doesNotContain("united-states").contains("canada");
    assertThat(nato).containsAll(allies).contains("united-states");
  }

  @Test
  void persons_holdTheirRolesFromTheRightDates() {
    assertThat(DemoDataset.bodies("AssignRole"))
        .extracting(
            r ->
                String.join(
                    " ",
                    r.get("actorId").asText(),
                    r.get("atActorId").asText(),
                    r.get("from").asText()))
        .contains(
            "mark-rutte nato 2024-10-01",
            "pete-hegseth united-states 2025-01-25",
            "boris-pistorius germany 2023-01-19",
            "kaja-kallas eu 2024-12-01",
            "donald-trump united-states 2025-01-20");
  }

  @Test
  void statements_carryTheAttributionTheArticleGives() {
    Map<String, String> kinds = new HashMap<>();
    DemoDataset.bodies("RegisterActor")
        .forEach(a -> kinds.put(a.get("actorId").asText(), a.get("kind").asText()));
    Map<String, String> grades = new LinkedHashMap<>();
    DemoDataset.bodies("RecordStatement")
        .forEach(
            s -> {
              String grade = s.get("citations").get(0).get("grade").asText();
              grades.put(s.get("statementId").asText(), grade);
              String speakerKind = kinds.get(s.get("speakerId").asText());
              if (grade.startsWith("ANONYMOUS")) {
                assertThat(speakerKind)
                    .as("speaker of %s", s.get("statementId"))
                    .isEqualTo("GROUP");
              } else {
                assertThat(speakerKind)
                    .as("speaker of %s", s.get("statementId"))
                    .isEqualTo("PERSON");
              }
              assertThat(s.get("original").get("language").asText()).isEqualTo("nl");
              assertThat(s.get("translations"))
                  .extracting(t -> t.get("language").asText())
                  .containsExactly("en");
            });

    assertThat(grades)
        .containsEntry("pistorius-us-concessions-to-russia", "NAMED_PARAPHRASE")
        .containsEntry("kallas-dirty-deal", "DIRECT_QUOTE")
        .containsEntry("allies-criticism-conveyed-to-hegseth", "ANONYMOUS_DESCRIBED")
        .containsEntry("rutte-addresses-hegseth-tone", "ALLEGED_UNCONFIRMED")
        .containsEntry("hegseth-proud-nato-member", "NAMED_PARAPHRASE")
        .containsEntry("hegseth-reset", "NAMED_PARAPHRASE")
        .containsEntry("trump-five-percent", "NAMED_PARAPHRASE");
  }

  @Test
  void theHagueSummit_isScheduledForJune2025() {
    JsonNode summit =
        DemoDataset.bodies("RecordDiplomaticEvent")
            .filter(e -> e.get("kind").asText().equals("SUMMIT"))
            .findFirst()
            .orElseThrow();

    assertThat(summit.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(summit.get("time").get("at").asText()).isEqualTo("2025-06-01T00:00:00Z");
    assertThat(summit.get("time").get("precision").asText()).isEqualTo("MONTH");
  }

  private Set<String> members(String groupId) {
    return DemoDataset.bodies("RecordMembership")
        .filter(m -> m.get("groupId").asText().equals(groupId))
        .map(m -> m.get("actorId").asText())
        .collect(Collectors.toSet());
  }

  private static void assertKnown(
      Map<String, String> actors, String key, JsonNode node, String... fields) {
    for (String field : fields) {
      assertThat(actors)
          .as("%s of %s registered earlier", field, key)
          .containsKey(node.get(field).asText());
    }
  }

  private static List<JsonNode> citations(JsonNode body) {
    JsonNode list = body.has("citations") ? body.get("citations") : body.get("sources");
    return list == null ? List.of() : StreamSupport.stream(list.spliterator(), false).toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Class<?> commandClass(JsonNode line) {
    String command = line.get("command").asText();
    for (String feature : API_PACKAGES) {
      try {
        return Class.forName("org.entente.api." + feature + "." + command);
      } catch (ClassNotFoundException notInThisPackage) {
        // try the next feature package
      }
    }
    throw new AssertionError("no command " + command + " in the published language");
  }

  private static String codePoints(String text, int start, int end) {
    return text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
  }

  private static Map<String, Double> cameoTable() throws IOException {
    try (InputStream in = DemoDatasetTest.class.getClassLoader().getResourceAsStream(CAMEO_TABLE)) {
      assertThat(in).as("%s on the classpath (the recorder's codebook)", CAMEO_TABLE).isNotNull();
      Map<String, Double> weights = new HashMap<>();
      String[] rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < rows.length; i++) {
        if (rows[i].isBlank()) {
          continue;
        }
        String[] columns = rows[i].strip().split("\t");
        weights.put(columns[0], Double.parseDouble(columns[2]));
      }
      return weights;
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
