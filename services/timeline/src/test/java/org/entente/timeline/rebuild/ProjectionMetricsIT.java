package org.entente.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TimelineBootTest
class ProjectionMetricsIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;

  @Test
  void actuatorMetrics_showLagPositionAndStatusOfEveryProcessor() throws Exception {
    Http http = new Http(port);
    new TestEvents(eventStore)
        .append("Actor", "metrics-x", actor("metrics-x", ActorKind.STATE, "X"));
    new Projections(positions, slots).awaitCaughtUp();
    Thread.sleep(1100); // gauges read positions at most once a second

    JsonNode names = http.get("/actuator/metrics").json().get("names");
    assertThat(names.toString())
        .contains(
            "\"entente.projection.lag\"",
            "\"entente.projection.position\"",
            "\"entente.projection.status\"",
            "\"entente.projection.head\"",
            "\"entente.projection.live\"");
    String live = slots.live().processorName();
    String idle = live.equals("timeline-a") ? "timeline-b" : "timeline-a";
    assertThat(value(http, "entente.projection.lag?tag=processor:" + live)).isZero();
    assertThat(value(http, "entente.projection.position?tag=processor:" + live))
        .isEqualTo(positions.head());
    assertThat(value(http, "entente.projection.status?tag=processor:" + live)).isEqualTo(1);
    assertThat(value(http, "entente.projection.status?tag=processor:" + idle)).isZero();
    // stopped on purpose, behind the head, but with nothing to do until a rebuild
    assertThat(positions.safePosition(idle)).isLessThan(positions.head());
    assertThat(value(http, "entente.projection.lag?tag=processor:" + idle)).isZero();
    assertThat(value(http, "entente.projection.live?tag=processor:" + live)).isEqualTo(1);
    assertThat(value(http, "entente.projection.head")).isEqualTo(positions.head());
  }

  private static double value(Http http, String metric) {
    Http.Response response = http.get("/actuator/metrics/" + metric);
    assertThat(response.status()).as(metric + ": " + response.body()).isEqualTo(200);
    return response.json().at("/measurements/0/value").asDouble();
  }
}
