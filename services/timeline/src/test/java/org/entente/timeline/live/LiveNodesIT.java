package org.entente.timeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.live.LiveStreamsIT.data;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.statement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.api.statement.Stance;
import org.entente.testkit.TestPostgres;
import org.entente.timeline.TimelineTestApplication;
import org.entente.timeline.live.SseClient.Message;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several service nodes (application contexts) on one database: each serves every update to its own
 * clients, and a client resumes across a restart with its last id.
 */
class LiveNodesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoNodesOnOneDatabase_eachDeliverEveryUpdate_andAClientResumesAfterARestart() {
    String url = TestPostgres.freshEmbeddedDatabase();
    ConfigurableApplicationContext one = start(url);
    ConfigurableApplicationContext two = start(url);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String speaker = "nodes-" + run;
    one.getBean(CommandGateway.class)
        .sendAndWait(new RegisterActor(speaker, ActorKind.STATE, "N " + run, null, null));
    awaitProjections(one);
    String events = "/api/live/events?actor=" + speaker;
    String timeline = "/api/live/actors/" + speaker + "/timeline";

    String lastOnOne;
    try (SseClient eventsOne = SseClient.open(port(one), events, null);
        SseClient eventsTwo = SseClient.open(port(two), events, null);
        SseClient timelineOne = SseClient.open(port(one), timeline, null);
        SseClient timelineTwo = SseClient.open(port(two), timeline, null)) {
      say(one, speaker, 1);
      say(two, speaker, 2);
      for (SseClient client : List.of(eventsOne, eventsTwo)) {
        assertThat(aggregates(client.until(m -> aggregate(m).endsWith("-2"), WAIT), "aggregateId"))
            .containsExactly(speaker + "-1", speaker + "-2");
      }
      for (SseClient client : List.of(timelineOne, timelineTwo)) {
        assertThat(aggregates(client.until(m -> entry(m).endsWith("-2"), WAIT), "entryId"))
            .containsExactly(speaker + "-1", speaker + "-2");
      }
      lastOnOne = speaker + "-2";
    }
    String lastId =
        one.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
            .queryForObject(
                "select global_index::text from domain_event_entry where aggregate_identifier = ?",
                String.class,
                lastOnOne);

    // node one stops with a client connected: its stream ends at once (no 30 s graceful wait)
    SseClient open = SseClient.open(port(one), events, null);
    long closing = System.nanoTime();
    one.close();
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(20));
    assertThat(open.until(m -> false, WAIT)).endsWith(SseClient.END);
    open.close();

    say(two, speaker, 3);
    ConfigurableApplicationContext three = start(url);
    try (SseClient resumed = SseClient.open(port(three), events, lastId)) {
      assertThat(aggregates(resumed.until(m -> aggregate(m).endsWith("-3"), WAIT), "aggregateId"))
          .containsExactly(speaker + "-3");
      say(three, speaker, 4);
      assertThat(aggregates(resumed.until(m -> aggregate(m).endsWith("-4"), WAIT), "aggregateId"))
          .containsExactly(speaker + "-4");
      assertThat(resumed.drain(Duration.ofSeconds(2))).isEmpty();
    }
  }

  private ConfigurableApplicationContext start(String url) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(TimelineTestApplication.class)
            .properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=" + TestPostgres.USER,
                "spring.datasource.password=",
                "server.port=0",
                "entente.live.heartbeat=1s")
            .run();
    nodes.add(context);
    return context;
  }

  private static void say(ConfigurableApplicationContext node, String speaker, int n) {
    String id = speaker + "-" + n;
    new TestEvents(node.getBean(EventStore.class))
        .append(
            "Statement",
            id,
            statement(id, speaker, List.of(), day("2025-02-1" + n), Stance.NEUTRAL, "said " + n));
  }

  private static void awaitProjections(ConfigurableApplicationContext node) {
    new Projections(node.getBean(ProcessorPositions.class), node.getBean(TimelineSlots.class))
        .awaitCaughtUp();
  }

  private static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  private static List<String> aggregates(List<Message> messages, String field) {
    List<String> ids = new ArrayList<>();
    for (Message m : messages) {
      ids.add(m == SseClient.END ? "<end>" : data(m).path(field).asText());
    }
    return ids;
  }

  private static String aggregate(Message m) {
    return m == SseClient.END ? "" : data(m).path("aggregateId").asText();
  }

  private static String entry(Message m) {
    return m == SseClient.END ? "" : data(m).path("entryId").asText();
  }
}
