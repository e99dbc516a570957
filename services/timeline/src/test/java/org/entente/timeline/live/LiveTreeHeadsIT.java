package org.entente.timeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.live.LiveStreamsIT.data;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.api.audit.TreeHeadIssued;
import org.entente.timeline.live.SseClient.Message;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signed tree head issued by the audit log is appended to every live events stream as a {@code
 * tree-head} event without id (whatever the stream's filter), and the stream's own ids go on.
 */
@TimelineBootTest
class LiveTreeHeadsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aTreeHead_reachesEventStreams_asANamedEventWithoutId_andResumingIsUnaffected() {
    String actor = "heads-" + UUID.randomUUID().toString().substring(0, 8);
    String head =
        "{\"treeSize\":42,\"rootHash\":\"ab\",\"timestamp\":1,\"issuedAt\":\"1970-01-01T00:00:00.001Z\","
            + "\"keyId\":\"k\",\"algorithm\":\"Ed25519\",\"signature\":\"c2ln\"}";
    try (SseClient events = SseClient.open(port, "/api/live/events?actor=" + actor, null)) {
      assertThat(events.status).isEqualTo(200);

      publisher.publishEvent(new TreeHeadIssued(42, head));
      List<Message> got = events.until(m -> m.event().equals(LiveTreeHeads.EVENT), WAIT);
      Message received = got.get(got.size() - 1);
      assertThat(received.event()).isEqualTo("tree-head");
      assertThat(received.id()).as("no id: the resume point stays").isNull();
      assertThat(data(received).get("treeSize").asLong()).isEqualTo(42);
      assertThat(data(received).get("signature").asText()).isEqualTo("c2ln");

      commands.sendAndWait(new RegisterActor(actor, ActorKind.STATE, "Heads", null, null));
      List<Message> after =
          events.until(m -> data(m).path("aggregateId").asText().equals(actor), WAIT);
      Message stored = after.get(after.size() - 1);
      assertThat(stored.event()).isEqualTo("message");
      assertThat(stored.id())
          .isEqualTo(
              Long.toString(
                  jdbc.queryForObject(
                      "select global_index from domain_event_entry where aggregate_identifier = ?",
                      Long.class,
                      actor)));
    }
  }
}
