package org.entente.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad query parameters and database errors on the read side (issue 8, found item 5) are problem
 * documents naming the parameter, never a 500 or Boot's default error body.
 */
@TimelineBootTest
class ReadSideInputIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  Http http;
  String group;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    // a known group, so that a bad parameter is not hidden behind a 404 for the path's id
    group = "alliance-" + UUID.randomUUID().toString().substring(0, 8);
    new TestEvents(eventStore)
        .append(
            "Actor",
            group,
            org.entente.timeline.support.Facts.actor(group, ActorKind.ALLIANCE, "Alliance"));
    new Projections(positions, slots).awaitCaughtUp();
  }

  private JsonNode problem(String path, int status) {
    Http.Response response = http.get(path);
    assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(status);
    assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    return problem;
  }

  private void badParameter(String path, String parameter) {
    JsonNode problem = problem(path, 400);
    assertThat(problem.at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
  }

  @Test
  void nulInATimelineParameter_is400NamingIt() {
    badParameter("/api/actors/" + group + "/timeline?topic=%00", "topic");
    badParameter("/api/groups/" + group + "/timeline?topic=a%00b", "topic");
    badParameter("/api/actors/" + group + "/timeline?cursor=%00", "cursor");
  }

  @Test
  void aBadLimitOrFormat_is400_evenForAnExport() {
    Http.Response response = http.get("/api/groups/" + group + "/timeline?limit=-1", "text/csv");
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("limit");
    badParameter("/api/actors/unknown-actor-x/timeline?format=pdf", "format");
  }

  @Test
  void backslashAsAHistoryType_is400NamingType() {
    badParameter("/api/history?type=%5C", "type");
    badParameter("/api/history?type=Statement%25", "type");
    badParameter("/api/history?actor=%00", "actor");
    badParameter("/api/history?aggregate=a%00", "aggregate");
  }

  @Test
  void controlCharactersInPathIdsAndCohesionParameters_are400() {
    // Tomcat itself refuses an encoded NUL in the path; the answer is still a problem document
    problem("/api/actors/a%00b/timeline", 400);
    badParameter("/api/groups/" + group + "/cohesion?members=a%00b", "members");
    badParameter("/api/groups/a%01/cohesion", "id");
  }

  @Test
  void timesPostgresCannotHold_are400NamingTheParameter() {
    badParameter("/api/actors/" + group + "/timeline?from=%2B300000-01-01T00:00:00Z", "from");
    badParameter("/api/actors/" + group + "/timeline?asOf=-5000-01-01T00:00:00Z", "asOf");
    badParameter("/api/history?recordedFrom=%2B300000-01-01T00:00:00Z", "recordedFrom");
    badParameter("/api/groups/" + group + "/cohesion?asOf=%2B300000-01-01T00:00:00Z", "asOf");
    badParameter("/api/groups/" + group + "/cohesion?from=%2B300000-01-01", "from");
  }

  @Test
  void aDatabaseError_isAProblemDocument_notBootsDefaultBody() {
    jdbc.execute("alter table tl_actor rename to tl_actor_hidden");
    try {
      JsonNode problem = problem("/api/actors/" + group + "/timeline", 500);
      assertThat(problem.get("type").asText()).startsWith("urn:entente:problem:");
      assertThat(problem.get("errors")).isNotEmpty();
    } finally {
      jdbc.execute("alter table tl_actor_hidden rename to tl_actor");
    }
  }
}
