package org.entente.json.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.entente.json.EntenteJson;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.TypeFilter;

/**
 * The stored form of every event type, as Axon writes it to the event store with the project's
 * serializer: payload type (the class name, which must never change), revision and JSON payload.
 * Each is compared to an approved file in {@code src/test/resources/snapshots/}; a change to an
 * event's stored form fails here and needs a revision with an upcaster, not a new snapshot.
 *
 * <p>A new event type gets its snapshot by adding a sample to {@link SampleEvents} and running with
 * {@code -Dentente.snapshots.approve=true}, which writes the missing or changed files into the
 * source tree for review.
 */
class EventSnapshotTest {

  static final String API_PACKAGE = "org.entente.api";
  private static final String SNAPSHOTS = "snapshots/";
  private static final Path SOURCE_SNAPSHOTS = Path.of("src", "test", "resources", "snapshots");
  private static final Path RECEIVED = Path.of("target", "snapshots-received");
  private static final boolean APPROVE = Boolean.getBoolean("entente.snapshots.approve");

  /** Built as EntenteJsonAutoConfiguration builds the event serializer. */
  private final JacksonSerializer serializer =
      JacksonSerializer.builder().objectMapper(EntenteJson.newObjectMapper()).build();

  private final ObjectMapper files = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Stream<Arguments> samples() {
    return SampleEvents.all().stream()
        .map(event -> Arguments.of(Named.of(event.getClass().getSimpleName(), event)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void storedForm_matchesApprovedSnapshot(Object event) throws IOException {
    JsonNode stored = storedForm(event);
    String name = snapshotName(event.getClass());
    JsonNode approved = approved(name);

    if (approved == null || !approved.equals(stored)) {
      Path received = write(APPROVE ? SOURCE_SNAPSHOTS : RECEIVED, name, stored);
      if (APPROVE) {
        return;
      }
      if (approved == null) {
        fail(
            "No approved snapshot for %s. Review %s and copy it to %s (or run with"
                + " -Dentente.snapshots.approve=true).",
            event.getClass().getName(), received, SOURCE_SNAPSHOTS.resolve(name));
      }
    }
    assertThat(pretty(stored))
        .as(
            "stored form of %s changed; an event's stored form is a contract: add a revision and"
                + " an upcaster instead",
            event.getClass().getName())
        .isEqualTo(pretty(approved));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void approvedSnapshot_readsBackIntoTheCurrentClass(Object event) throws IOException {
    JsonNode approved = approved(snapshotName(event.getClass()));
    assertThat(approved).as("approved snapshot of %s", event.getClass().getName()).isNotNull();

    SerializedObject<byte[]> serialized =
        new SimpleSerializedObject<>(
            files.writeValueAsBytes(approved.get("payload")),
            byte[].class,
            approved.get("payloadType").asText(),
            approved.get("payloadRevision").isNull()
                ? null
                : approved.get("payloadRevision").asText());
    Object read = serializer.deserialize(serialized);

    assertThat(read).isEqualTo(event);
  }

  @Test
  void everyEventRecordInThePublishedLanguage_hasASampleAndASnapshot() {
    Set<String> eventClasses = eventRecordClasses();
    assertThat(eventClasses)
        .as("event records found in %s (none found means the scan is broken)", API_PACKAGE)
        .hasSizeGreaterThanOrEqualTo(14);

    Set<String> sampled =
        SampleEvents.all().stream()
            .map(e -> e.getClass().getName())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(sampled).as("event types with a sample in SampleEvents").isEqualTo(eventClasses);

    List<String> withoutSnapshot =
        eventClasses.stream()
            .filter(
                name -> getClass().getClassLoader().getResource(SNAPSHOTS + fileName(name)) == null)
            .toList();
    assertThat(withoutSnapshot).as("event types without an approved snapshot").isEmpty();
  }

  /** Records in the published language that implement one of its {@code ...Event} interfaces. */
  static Set<String> eventRecordClasses() {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    TypeFilter eventRecord =
        (reader, factory) -> {
          var metadata = reader.getClassMetadata();
          return Record.class.getName().equals(metadata.getSuperClassName())
              && Arrays.stream(metadata.getInterfaceNames())
                  .anyMatch(i -> i.startsWith(API_PACKAGE + ".") && i.endsWith("Event"));
        };
    scanner.addIncludeFilter(eventRecord);
    return scanner.findCandidateComponents(API_PACKAGE).stream()
        .map(bean -> bean.getBeanClassName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private JsonNode storedForm(Object event) throws IOException {
    SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
    ObjectNode form = files.createObjectNode();
    form.put("payloadType", serialized.getType().getName());
    form.put("payloadRevision", serialized.getType().getRevision());
    form.set("payload", files.readTree(serialized.getData()));
    return form;
  }

  private JsonNode approved(String name) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(SNAPSHOTS + name)) {
      return in == null ? null : files.readTree(in);
    }
  }

  private Path write(Path folder, String name, JsonNode form) throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    Files.writeString(file, pretty(form) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private String pretty(JsonNode node) throws IOException {
    return files.writeValueAsString(node);
  }

  private static String snapshotName(Class<?> type) {
    return fileName(type.getName());
  }

  /** {@code org.entente.api.actor.ActorRegistered} → {@code actor.ActorRegistered.json}. */
  private static String fileName(String className) {
    return className.substring(API_PACKAGE.length() + 1) + ".json";
  }
}
