package org.entente.live.kafka.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in schemas are what the generator produces from the published language, and the
 * published form of every event type (the approved snapshots of entente-json, which hold one sample
 * of each) validates against its schema; a misspelt property does not.
 */
class EventSchemasTest {

  static final Path CHECKED_IN = Path.of("src", "main", "resources", "kafka-schemas");
  static final Path SNAPSHOTS =
      Path.of("..", "..", "shared", "entente-json", "src", "test", "resources", "snapshots");
  private static final boolean APPROVE = Boolean.getBoolean("entente.schemas.approve");

  private final ObjectMapper json = new ObjectMapper();
  private final EventSchemas generator = new EventSchemas();

  @Test
  void checkedInSchemas_areTheGeneratorsOutput() throws IOException {
    Map<String, String> generated = EventSchemas.files(generator.all());
    if (APPROVE) {
      Files.createDirectories(CHECKED_IN);
      for (var file : generated.entrySet()) {
        Files.writeString(CHECKED_IN.resolve(file.getKey()), file.getValue());
      }
    }
    Map<String, String> checkedIn = new TreeMap<>();
    try (Stream<Path> files = Files.list(CHECKED_IN)) {
      for (Path file : files.toList()) {
        checkedIn.put(
            file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    assertThat(generated).hasSizeGreaterThanOrEqualTo(14);
    assertThat(checkedIn)
        .as(
            "kafka-schemas/ differs from the generator; regenerate with -Dentente.schemas.approve=true")
        .isEqualTo(generated);
  }

  @Test
  void everyEventTypesPublishedForm_validatesAgainstItsSchema() throws IOException {
    Map<String, ObjectNode> schemas = generator.all();
    int validated = 0;
    try (Stream<Path> files = Files.list(SNAPSHOTS)) {
      for (Path file : files.toList()) {
        JsonNode snapshot = json.readTree(file.toFile());
        String type = snapshot.get("payloadType").asText();
        assertThat(schemas).as("a schema for %s", type).containsKey(type);
        assertThat(SchemaCheck.errors(schemas.get(type), snapshot.get("payload")))
            .as("%s against its schema", file.getFileName())
            .isEmpty();
        validated++;
      }
    }
    assertThat(validated).isEqualTo(schemas.size());
  }

  @Test
  void aMisspeltOrMistypedProperty_doesNotValidate() throws IOException {
    ObjectNode schema = generator.all().get("org.entente.api.actor.MembershipRecorded");
    JsonNode good =
        json.readTree("{\"actorId\":\"nl\",\"groupId\":\"nato\",\"from\":\"1949-04-04\"}");
    JsonNode misspelt =
        json.readTree("{\"actorId\":\"nl\",\"groupID\":\"nato\",\"from\":\"1949-04-04\"}");
    JsonNode mistyped = json.readTree("{\"actorId\":\"nl\",\"groupId\":7,\"from\":\"1949-04-04\"}");

    assertThat(SchemaCheck.errors(schema, good)).isEmpty();
    assertThat(SchemaCheck.errors(schema, misspelt)).isNotEmpty();
    assertThat(SchemaCheck.errors(schema, mistyped)).isNotEmpty();
  }
}
