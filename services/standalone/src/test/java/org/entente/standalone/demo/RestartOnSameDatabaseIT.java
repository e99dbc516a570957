package org.entente.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.standalone.StandaloneApps.demoOutcome;
import static org.entente.standalone.StandaloneApps.start;
import static org.entente.standalone.StandaloneApps.storedEvents;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default run: no database configured, so the application starts its embedded PostgreSQL with
 * data in a folder. Stopped and started again on that folder, it finds every event and does not
 * load the demo a second time.
 */
class RestartOnSameDatabaseIT {

  @TempDir Path dataDirectory;

  @Test
  void restartOnTheSameDataDirectory_findsEveryEvent_andDoesNotLoadTheDemoAgain() {
    Map<String, String> properties =
        Map.of("entente.embedded-postgres.data-directory", dataDirectory.toString());
    List<String> storedBeforeRestart;
    Instant loadedAt;

    try (ConfigurableApplicationContext app = start(properties)) {
      assertThat(demoOutcome(app)).isInstanceOf(DemoOutcome.Loaded.class);
      storedBeforeRestart = storedEvents(app.getBean(JdbcTemplate.class));
      loadedAt = app.getBean(DemoLoadLog.class).find(demoFile()).orElseThrow().loadedAt();
    }
    assertThat(storedBeforeRestart).hasSize(DemoDataset.lines().size());

    try (ConfigurableApplicationContext app = start(properties)) {
      assertThat(demoOutcome(app))
          .isInstanceOfSatisfying(
              DemoOutcome.AlreadyLoaded.class,
              already -> assertThat(already.earlier().loadedAt()).isEqualTo(loadedAt));
      assertThat(storedEvents(app.getBean(JdbcTemplate.class))).isEqualTo(storedBeforeRestart);

      EventStore eventStore = app.getBean(EventStore.class);
      List<String> readThroughAxon =
          storedBeforeRestart.stream()
              .map(row -> row.split(" ")[1])
              .distinct()
              .flatMap(aggregate -> eventStore.readEvents(aggregate).asStream())
              .map(RestartOnSameDatabaseIT::describe)
              .sorted()
              .toList();
      assertThat(readThroughAxon).isEqualTo(storedBeforeRestart.stream().sorted().toList());
    }
  }

  private static String describe(DomainEventMessage<?> event) {
    return String.join(
        " ",
        event.getIdentifier(),
        event.getAggregateIdentifier(),
        String.valueOf(event.getSequenceNumber()),
        event.getPayloadType().getName());
  }

  private static String demoFile() {
    return Path.of(DemoDataset.RESOURCE).getFileName().toString();
  }
}
