package org.entente.timeline.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.membership;
import static org.entente.timeline.support.Facts.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.statement.Stance;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TimelineBootTest
class HistoryHttpIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;

  private Http http;
  private TestEvents events;
  private String run;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    events = new TestEvents(eventStore);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  private String id(String name) {
    return name + "-" + run;
  }

  private List<JsonNode> history(String query) {
    Http.Response response = http.get("/api/history" + query, "application/x-ndjson");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/x-ndjson");
    return response.lines();
  }

  private static List<String> aggregates(List<JsonNode> lines) {
    return lines.stream().map(line -> line.get("aggregateId").asText()).toList();
  }

  /** An alliance, a member, a statement by the member about the alliance, and its correction. */
  private void scenario() {
    events.append(
        "Actor",
        id("nato"),
        actor(id("nato"), ActorKind.ALLIANCE, "NATO"),
        Instant.parse("2025-02-10T08:00:00Z"));
    events.append(
        "Actor",
        id("poland"),
        actor(id("poland"), ActorKind.STATE, "Poland"),
        Instant.parse("2025-02-10T08:00:00Z"));
    events.append(
        "Actor",
        id("poland"),
        membership(id("poland"), id("nato"), "1999-03-12", null),
        Instant.parse("2025-02-11T08:00:00Z"));
    events.append(
        "Statement",
        id("st"),
        statement(
            id("st"), id("poland"), List.of(id("nato")), day("2025-02-13"), Stance.SUPPORT, "4.7%"),
        Instant.parse("2025-02-13T08:00:00Z"));
    events.append(
        "Statement",
        id("st"),
        correctText(id("st"), "4.12%", "typo"),
        Instant.parse("2025-02-14T08:00:00Z"));
  }

  @Test
  void history_streamsEveryStoredEventInGlobalOrder_withPayloadAndMetadata() {
    scenario();

    List<JsonNode> lines = history("?aggregate=" + id("st"));

    assertThat(lines).hasSize(2);
    JsonNode first = lines.get(0);
    assertThat(first.get("type").asText()).isEqualTo("org.entente.api.statement.StatementRecorded");
    assertThat(first.get("aggregateType").asText()).isEqualTo("Statement");
    assertThat(first.get("sequence").asLong()).isZero();
    assertThat(first.get("timestamp").asText()).startsWith("2025-02-13T08:00:00");
    assertThat(first.at("/payload/original/text").asText()).isEqualTo("4.7%");
    assertThat(first.at("/metadata/recordedBy").asText()).isEqualTo("test");
    assertThat(first.at("/metadata/correlationId").isTextual()).isTrue();
    assertThat(lines.get(1).get("position").asLong()).isGreaterThan(first.get("position").asLong());
    assertThat(lines.get(1).at("/payload/reason").asText()).isEqualTo("typo");

    List<JsonNode> all = history("");
    List<Long> positions = all.stream().map(line -> line.get("position").asLong()).toList();
    assertThat(positions).isSorted().doesNotHaveDuplicates();
    assertThat(all).anyMatch(line -> line.equals(first));
  }

  @Test
  void history_resumesExactlyAfterTheLastPositionRead() {
    scenario();
    List<JsonNode> all = history("");

    List<JsonNode> resumed = new ArrayList<>(history("?limit=3"));
    while (resumed.size() < all.size()) {
      long last = resumed.get(resumed.size() - 1).get("position").asLong();
      List<JsonNode> next = history("?limit=2&after=" + last);
      assertThat(next).isNotEmpty();
      resumed.addAll(next);
    }

    assertThat(resumed).isEqualTo(all);
    long last = all.get(all.size() - 1).get("position").asLong();
    assertThat(history("?after=" + last)).isEmpty();
  }

  @Test
  void history_filtersByActorTypeAndRecordTime() {
    scenario();

    assertThat(aggregates(history("?actor=" + id("nato"))))
        .containsExactly(id("nato"), id("poland"), id("st"), id("st"));
    assertThat(aggregates(history("?actor=" + id("poland"))))
        .containsExactly(id("poland"), id("poland"), id("st"), id("st"));
    assertThat(aggregates(history("?type=StatementCorrected&actor=" + id("nato"))))
        .containsExactly(id("st"));
    assertThat(
            history(
                "?type=org.entente.api.actor.MembershipRecorded,StatementRecorded&actor="
                    + id("poland")))
        .extracting(line -> line.get("type").asText())
        .containsExactly(
            "org.entente.api.actor.MembershipRecorded",
            "org.entente.api.statement.StatementRecorded");
    assertThat(
            aggregates(
                history(
                    "?actor="
                        + id("nato")
                        + "&recordedFrom=2025-02-11&recordedTo="
                        + URLEncoder.encode("2025-02-14T08:00:00Z", StandardCharsets.UTF_8))))
        .containsExactly(id("poland"), id("st"));
  }

  @Test
  void badParameters_areProblemsNamingTheParameter() {
    for (String[] bad :
        new String[][] {
          {"?after=last", "after"},
          {"?after=-1", "after"},
          {"?limit=0", "limit"},
          {"?recordedFrom=monday", "recordedFrom"},
          {"?recordedFrom=2025-02-14&recordedTo=2025-02-13", "recordedTo"}
        }) {
      Http.Response response = http.get("/api/history" + bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(bad[1]);
    }
  }
}
