package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.entente.api.actor.ActorEvent;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.MetadataKeys;
import org.entente.api.common.Weight;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementEvent;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.recorder.importing.ImportLineResult;
import org.entente.recorder.importing.ImportSummary;
import org.entente.recorder.importing.NdjsonImporter;
import org.entente.timeline.timeline.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The data of the cohesion HTTP tests, loaded once per database: the real demo data set (the NOS
 * report on the NATO defence ministers' meeting, see shared/seed) imported through the recorder,
 * and a small "duo" history published straight into the event store with chosen record times, for
 * {@code asOf}. Then waits until the "cohesion" processor has caught up with the event store.
 */
final class CohesionTestData {

  /** Read from the module directory, where Maven runs the tests. */
  static final Path DEMO =
      Path.of("../standalone/src/main/resources/demo/nato-defence-ministers-2025-02.ndjson");

  static final String DUO = "duo";
  static final Instant DUO_RECORDED = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant DUO_CORRECTED = Instant.parse("2025-03-02T10:00:00Z");
  static final Instant DUO_RETRACTED = Instant.parse("2025-03-03T10:00:00Z");

  private CohesionTestData() {}

  static synchronized void loadOnce(
      NdjsonImporter importer,
      EventStore eventStore,
      JdbcTemplate jdbc,
      EventProcessingConfiguration processing)
      throws IOException, InterruptedException {
    Long loaded =
        jdbc.queryForObject(
            "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
            Long.class,
            DUO);
    if (loaded == 0) {
      importDemo(importer);
      publish(eventStore, duo());
    }
    awaitProjection(eventStore, processing);
  }

  private static void importDemo(NdjsonImporter importer) throws IOException {
    assertThat(Files.isRegularFile(DEMO))
        .as(
            "the demo data set is missing at %s (it belongs to services/standalone)",
            DEMO.toAbsolutePath().normalize())
        .isTrue();
    ImportSummary summary;
    try (Reader reader = Files.newBufferedReader(DEMO, StandardCharsets.UTF_8)) {
      summary = importer.importNdjson(reader, "cohesion-test");
    }
    List<ImportLineResult> rejected =
        summary.results().stream()
            .filter(r -> r.status() == ImportLineResult.Status.REJECTED)
            .toList();
    assertThat(rejected).as("demo lines the recorder rejected").isEmpty();
    assertThat(summary.created()).as("demo lines imported").isGreaterThan(100);
  }

  /** Two states; praise recorded, then corrected to criticism, then a second praise retracted. */
  static List<Recorded> duo() {
    List<Recorded> r = new ArrayList<>();
    Instant t = DUO_RECORDED;
    r.add(
        new Recorded(
            new ActorRegistered(DUO, ActorKind.GROUP, "Duo", List.of(), Map.of()), t, "d0"));
    for (String s : List.of("x", "y")) {
      r.add(
          new Recorded(
              new ActorRegistered(s, ActorKind.STATE, s, List.of(), Map.of()), t, "d" + r.size()));
      r.add(
          new Recorded(
              new MembershipRecorded(s, DUO, LocalDate.parse("2020-01-01"), null),
              t,
              "d" + r.size()));
    }
    r.add(new Recorded(praise("duo-1", 3.4), t, "d" + r.size()));
    r.add(new Recorded(praise("duo-2", 2.0), t, "d" + r.size()));
    r.add(
        new Recorded(
            new StatementCorrected(
                "duo-1",
                List.of("weight", "stance"),
                null,
                null,
                null,
                null,
                Stance.CRITICISM,
                null,
                Weight.goldstein(-2.0),
                null,
                null,
                null,
                "misread"),
            DUO_CORRECTED,
            "d" + r.size()));
    r.add(
        new Recorded(new StatementRetracted("duo-2", "never said"), DUO_RETRACTED, "d" + r.size()));
    return r;
  }

  private static StatementRecorded praise(String id, double weight) {
    return new StatementRecorded(
        id,
        "x",
        null,
        List.of("y"),
        EventTime.instant(Instant.parse("2025-02-01T12:00:00Z")),
        Stance.PRAISE,
        "051",
        Weight.goldstein(weight),
        null,
        List.of(),
        new LocalizedText("en", "words"),
        List.of(),
        List.of(new Citation("src", null, AttributionGrade.DIRECT_QUOTE)));
  }

  static void publish(EventStore eventStore, List<Recorded> history) {
    Map<String, Long> sequences = new HashMap<>();
    List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
    for (Recorded r : history) {
      String aggregate =
          r.payload() instanceof ActorEvent a
              ? a.actorId()
              : ((StatementEvent) r.payload()).statementId();
      long seq = sequences.merge(aggregate, 1L, Long::sum) - 1;
      messages.add(
          new GenericDomainEventMessage<>(
              r.payload().getClass().getSimpleName(),
              aggregate,
              seq,
              r.payload(),
              MetaData.with(MetadataKeys.RECORDED_AT, r.recordedAt().toString())));
    }
    eventStore.publish(messages);
  }

  static void awaitProjection(EventStore eventStore, EventProcessingConfiguration processing)
      throws InterruptedException {
    // the fact store's live slot (slot a in a fresh database) is what cohesion reads
    StreamingEventProcessor processor =
        processing
            .eventProcessor(Slot.A.processorName(), StreamingEventProcessor.class)
            .orElseThrow();
    long head = eventStore.createHeadToken().position().orElse(-1);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!caughtUp(processor.processingStatus(), head)) {
      assertThat(Instant.now()).as("the fact store caught up").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  private static boolean caughtUp(Map<Integer, EventTrackerStatus> status, long head) {
    return !status.isEmpty()
        && status.values().stream()
            .allMatch(
                s ->
                    s.getCurrentPosition().isPresent()
                        && s.getCurrentPosition().getAsLong() >= head);
  }

  /**
   * Everything stored in the event store, as recorded: the input of the recomputation from history
   * ({@link HistoryFold}), which uses none of the projection's tables.
   */
  static List<Recorded> storedHistory(EventStore eventStore) {
    long head = eventStore.createHeadToken().position().orElse(-1);
    List<Recorded> history = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
      long position = -1;
      while (position < head) {
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS))
            .as("the event store streams up to its head")
            .isTrue();
        TrackedEventMessage<?> message = stream.nextAvailable();
        position = message.trackingToken().position().orElse(position);
        Object recordedAt = message.getMetaData().get(MetadataKeys.RECORDED_AT);
        history.add(
            new Recorded(
                message.getPayload(),
                recordedAt == null ? message.getTimestamp() : Instant.parse(recordedAt.toString()),
                message.getIdentifier()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return history;
  }
}
