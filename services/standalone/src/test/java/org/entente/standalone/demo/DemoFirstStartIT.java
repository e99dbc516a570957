package org.entente.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.recorder.importing.ImportLineResult;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.ProjectionsCaughtUp;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class DemoFirstStartIT {

  /** The one event each demo command stores. */
  private static final Map<String, String> EVENT_OF_COMMAND =
      Map.of(
          "RegisterActor", "org.entente.api.actor.ActorRegistered",
          "RecordMembership", "org.entente.api.actor.MembershipRecorded",
          "AssignRole", "org.entente.api.actor.RoleAssigned",
          "RegisterSource", "org.entente.api.source.SourceRegistered",
          "RecordDiplomaticEvent", "org.entente.api.event.DiplomaticEventRecorded",
          "RecordStatement", "org.entente.api.statement.StatementRecorded");

  @Autowired DemoLoader loader;
  @Autowired DemoLoadLog loadLog;
  @Autowired JdbcTemplate jdbc;
  private TestRestTemplate http;

  @Autowired
  void http(TestRestTemplate template) {
    this.http = TestUsers.authorized(template);
  }

  @Autowired EventStore eventStore;
  @Autowired EventProcessingConfiguration processing;
  @Autowired ProjectionsCaughtUp caughtUp;

  @Test
  void whenStarted_theRunningProjectionsHaveHandledTheWholeDemo() {
    long head = eventStore.createHeadToken().position().orElseThrow();
    assertThat(head).isGreaterThanOrEqualTo(DemoDataset.lines().size() - 1);
    List<String> running =
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .filter(StreamingEventProcessor::isRunning)
            .map(processor -> processor.getName())
            .toList();
    assertThat(running).contains("timeline-a");
    assertThat(caughtUp.behind(head)).isEmpty();
  }

  @Test
  void firstStart_storesEveryLineOfTheDemo_andRejectsNone() {
    int lines = DemoDataset.lines().size();

    assertThat(loader.outcome())
        .hasValueSatisfying(
            outcome ->
                assertThat(outcome)
                    .isInstanceOfSatisfying(
                        DemoOutcome.Loaded.class,
                        loaded -> {
                          assertThat(loaded.summary().results())
                              .hasSize(lines)
                              .allSatisfy(
                                  line ->
                                      assertThat(line.status())
                                          .as("line %d: %s", line.line(), line.problem())
                                          .isEqualTo(ImportLineResult.Status.CREATED));
                          assertThat(loaded.summary().created()).isEqualTo(lines);
                          assertThat(loaded.summary().rejected()).isZero();
                          assertThat(loaded.complete()).isTrue();
                        }));
    assertThat(loadLog.find("nato-defence-ministers-2025-02.ndjson"))
        .hasValueSatisfying(
            load -> {
              assertThat(load.lines()).isEqualTo(lines);
              assertThat(load.created()).isEqualTo(lines);
              assertThat(load.datasetSha256()).hasSize(64);
            });
  }

  @Test
  void everyDemoCommand_storedItsEvent_recordedByTheDemoLoader() {
    Map<String, Long> expected =
        DemoDataset.lines().stream()
            .collect(
                Collectors.groupingBy(
                    line -> EVENT_OF_COMMAND.get(line.get("command").asText()),
                    TreeMap::new,
                    Collectors.counting()));
    Map<String, Long> stored = new TreeMap<>();
    jdbc.query(
        "select payload_type, count(*) from domain_event_entry group by payload_type",
        rs -> {
          stored.put(rs.getString(1), rs.getLong(2));
        });
    List<String> recordedBy =
        jdbc.queryForList(
            "select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedBy'"
                + " from domain_event_entry",
            String.class);

    assertThat(stored).isEqualTo(expected);
    assertThat(recordedBy).containsExactly(DemoLoader.RECORDED_BY);
  }

  @Test
  void healthReadinessAndApiDocs_areServed() {
    var health = http.getForEntity("/actuator/health", String.class);
    var readiness = http.getForEntity("/actuator/health/readiness", String.class);
    var apiDocs = http.getForEntity("/v3/api-docs", String.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"status\":\"UP\"");
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(apiDocs.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void lookups_findTheDemosActors_andReadItsStatementEventAndSource() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();

    var byAlias = json.readTree(http.getForObject("/api/actors?q=vs", String.class));
    var nato = json.readTree(http.getForObject("/api/actors/nato", String.class));
    var statement = http.getForEntity("/api/statements/kallas-dirty-deal", String.class);
    var event = http.getForEntity("/api/events/nato-defence-ministers-2025-02", String.class);
    var source =
        http.getForEntity("/api/sources/nos-2025-02-13-navo-defensieministers", String.class);

    assertThat(byAlias.findValuesAsText("id")).contains("united-states");
    assertThat(nato.get("members").findValuesAsText("actorId")).contains("germany");
    assertThat(statement.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(event.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(source.getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
