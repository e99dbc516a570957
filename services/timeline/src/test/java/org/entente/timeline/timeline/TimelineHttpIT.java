package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.cite;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.membership;
import static org.entente.timeline.support.Facts.participant;
import static org.entente.timeline.support.Facts.role;
import static org.entente.timeline.support.Facts.source;
import static org.entente.timeline.support.Facts.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.TranslationAdded;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@TimelineBootTest
class TimelineHttpIT {

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;

  private Http http;
  private TestEvents events;
  private Projections projections;
  private String run;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    events = new TestEvents(eventStore);
    projections = new Projections(positions, slots);
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  /** Ids unique to this test, as the context (and database) is shared. */
  private String id(String name) {
    return name + "-" + run;
  }

  private List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("entryId").asText()));
    return ids;
  }

  private JsonNode timeline(String actor, String query) {
    Http.Response response = http.get("/api/actors/" + actor + "/timeline" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Kallas: a press conference, a statement she made there, one aimed at her, one by others. */
  private void kallasScenario() {
    String kallas = id("kallas");
    events.append("Actor", kallas, actor(kallas, ActorKind.PERSON, "Kaja Kallas"));
    events.append("Actor", id("us"), actor(id("us"), ActorKind.STATE, "United States"));
    events.append("Actor", id("hegseth"), actor(id("hegseth"), ActorKind.PERSON, "Pete Hegseth"));
    events.append("Source", id("nos"), source(id("nos"), "NAVO-ministers in Brussel"));
    events.append(
        "DiplomaticEvent",
        id("press"),
        new DiplomaticEventRecorded(
            id("press"),
            EventKind.PRESS_CONFERENCE,
            "Kallas meets the press",
            day("2025-02-13"),
            "Brussels",
            List.of(participant(kallas, ParticipantPart.SPEAKER)),
            EventStatus.TOOK_PLACE,
            List.of(cite(id("nos"), AttributionGrade.SECOND_HAND_MEDIA))));
    events.append(
        "Statement",
        id("dirty-deal"),
        new StatementRecorded(
            id("dirty-deal"),
            kallas,
            id("press"),
            List.of(id("us")),
            day("2025-02-13"),
            Stance.CRITICISM,
            "111",
            Weight.goldstein(-2),
            null,
            List.of("ukraine"),
            new LocalizedText("nl", "een vuile deal"),
            List.of(),
            List.of(cite(id("nos"), AttributionGrade.DIRECT_QUOTE))));
    events.append(
        "Statement",
        id("dirty-deal"),
        new TranslationAdded(id("dirty-deal"), new LocalizedText("en", "a dirty deal"), "desk"));
    events.append(
        "Statement",
        id("reset"),
        statement(
            id("reset"),
            id("hegseth"),
            List.of(kallas),
            day("2025-02-12"),
            Stance.DEMAND,
            "Europe must do more",
            List.of("spending"),
            List.of(cite(id("nos"), AttributionGrade.ALLEGED_UNCONFIRMED))));
    events.append(
        "Statement",
        id("other"),
        statement(
            id("other"), id("hegseth"), List.of(id("us")), day("2025-02-12"), Stance.PRAISE, "x"));
    projections.awaitCaughtUp();
  }

  @Test
  void actorTimeline_showsEventsTakenPartIn_statementsMadeAndAimedAt_inEventTimeOrder() {
    kallasScenario();

    JsonNode page = timeline(id("kallas"), "");

    assertThat(ids(page)).containsExactly(id("reset"), id("dirty-deal"), id("press"));
    assertThat(page.has("nextCursor")).isFalse();
    JsonNode said = page.get("items").get(1);
    assertThat(said.get("entryType").asText()).isEqualTo("STATEMENT");
    assertThat(said.get("roles").toString()).isEqualTo("[\"SPEAKER\"]");
    assertThat(said.at("/time/precision").asText()).isEqualTo("DAY");
    assertThat(said.get("place").asText()).isEqualTo("Brussels");
    assertThat(said.at("/event/title").asText()).isEqualTo("Kallas meets the press");
    assertThat(said.at("/statement/original/text").asText()).isEqualTo("een vuile deal");
    assertThat(said.at("/statement/translations/0/text").asText()).isEqualTo("a dirty deal");
    assertThat(said.at("/statement/stance").asText()).isEqualTo("CRITICISM");
    assertThat(said.at("/statement/cameoCode").asText()).isEqualTo("111");
    assertThat(said.at("/statement/weight/scale").asText()).isEqualTo("goldstein");
    assertThat(said.at("/statement/weight/scaleVersion").asText()).isEqualTo("cameo-1.1b3");
    assertThat(said.at("/participants/1/name").asText()).isEqualTo("United States");
    assertThat(said.at("/participants/1/part").asText()).isEqualTo("TARGET");
    assertThat(said.at("/sources/0/grade").asText()).isEqualTo("DIRECT_QUOTE");
    assertThat(said.at("/sources/0/title").asText()).isEqualTo("NAVO-ministers in Brussel");
    assertThat(said.at("/sources/0/excerpt/end").asInt()).isEqualTo(10);
    assertThat(said.get("version").asInt()).isEqualTo(2);
    assertThat(said.at("/versions/1/change").asText()).isEqualTo("TRANSLATION_ADDED");
    assertThat(said.get("corrected").asBoolean()).isFalse();
    JsonNode press = page.get("items").get(2);
    assertThat(press.get("kind").asText()).isEqualTo("PRESS_CONFERENCE");
    assertThat(press.get("roles").toString()).isEqualTo("[\"PARTICIPANT\"]");
    assertThat(press.at("/participants/0/name").asText()).isEqualTo("Kaja Kallas");
    assertThat(page.get("items").get(0).get("roles").toString()).isEqualTo("[\"TARGET\"]");
  }

  @Test
  void filters_narrowTheTimeline() {
    kallasScenario();
    String kallas = id("kallas");

    assertThat(ids(timeline(kallas, "?from=2025-02-13&to=2025-02-13")))
        .containsExactly(id("dirty-deal"), id("press"));
    assertThat(ids(timeline(kallas, "?to=" + encode("2025-02-12T23:59:59Z"))))
        .containsExactly(id("reset"));
    assertThat(ids(timeline(kallas, "?kinds=press_conference"))).containsExactly(id("press"));
    assertThat(ids(timeline(kallas, "?kinds=statement,dinner")))
        .containsExactly(id("reset"), id("dirty-deal"));
    assertThat(ids(timeline(kallas, "?role=speaker"))).containsExactly(id("dirty-deal"));
    assertThat(ids(timeline(kallas, "?role=target"))).containsExactly(id("reset"));
    assertThat(ids(timeline(kallas, "?role=participant"))).containsExactly(id("press"));
    assertThat(ids(timeline(kallas, "?topic=spending"))).containsExactly(id("reset"));
    assertThat(ids(timeline(kallas, "?minGrade=named_paraphrase")))
        .containsExactly(id("dirty-deal"));
    assertThat(ids(timeline(kallas, "?minGrade=second-hand-media")))
        .containsExactly(id("dirty-deal"), id("press"));
  }

  @Test
  void badParameters_areProblemsNamingTheParameter() {
    kallasScenario();
    String path = "/api/actors/" + id("kallas") + "/timeline";

    for (String[] bad :
        new String[][] {
          {"?limit=many", "limit"},
          {"?limit=0", "limit"},
          {"?role=boss", "role"},
          {"?minGrade=rumour", "minGrade"},
          {"?asOf=yesterday", "asOf"},
          {"?from=13-02-2025", "from"},
          {"?from=2025-02-14&to=2025-02-13", "to"},
          {
            "?from=" + encode("2025-02-13T10:00:00Z") + "&to=" + encode("2025-02-13T09:00:00Z"),
            "to"
          },
          {"?kinds=party", "kinds"},
          {"?cursor=not-a-cursor", "cursor"},
          {"?format=xml", "format"}
        }) {
      Http.Response response = http.get(path + bad[0]);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().at("/errors/0/field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
    Http.Response unknown = http.get("/api/actors/" + id("nobody") + "/timeline");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().get("detail").asText()).contains(id("nobody"));
  }

  @Test
  void cursor_sentWithOtherFiltersTimelineOrAsOf_isAProblemNamingCursor() {
    kallasScenario();
    String path = "/api/actors/" + id("kallas") + "/timeline";
    String asOf = encode("2030-01-01T00:00:00Z");
    String cursor = timeline(id("kallas"), "?limit=1&from=2025-02-01").get("nextCursor").asText();
    String cursorAsOf = timeline(id("kallas"), "?limit=1&asOf=" + asOf).get("nextCursor").asText();

    for (String query :
        new String[] {
          "?limit=1&cursor=" + cursor, // from dropped
          "?limit=1&from=2025-02-13&cursor=" + cursor,
          "?limit=1&from=2025-02-01&role=speaker&cursor=" + cursor,
          "?limit=1&from=2025-02-01&asOf=" + asOf + "&cursor=" + cursor,
          "?limit=1&cursor=" + cursorAsOf, // asOf dropped
          "?limit=1&asOf=" + encode("2030-01-02T00:00:00Z") + "&cursor=" + cursorAsOf
        }) {
      Http.Response response = http.get(path + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().at("/errors/0/field").asText()).as(query).isEqualTo("cursor");
    }
    Http.Response otherActor =
        http.get("/api/actors/" + id("hegseth") + "/timeline?from=2025-02-01&cursor=" + cursor);
    assertThat(otherActor.status()).isEqualTo(400);
    Http.Response csv = http.get(path + "?format=csv&from=2025-02-13&cursor=" + cursor);
    assertThat(csv.status()).isEqualTo(400);

    // the same filters (limit and format may change) are accepted
    assertThat(ids(timeline(id("kallas"), "?limit=5&from=2025-02-01&cursor=" + cursor)))
        .containsExactly(id("dirty-deal"), id("press"));
    assertThat(ids(timeline(id("kallas"), "?limit=5&asOf=" + asOf + "&cursor=" + cursorAsOf)))
        .containsExactly(id("dirty-deal"), id("press"));
  }

  @Test
  void pages_haveNoDuplicatesOrGaps_whileEventsAreAppendedBetweenThem() {
    String actor = id("rutte");
    events.append("Actor", actor, actor(actor, ActorKind.PERSON, "Mark Rutte"));
    List<String> original = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String statement = id("st" + i);
      // event times spread over days, several entries per day
      events.append(
          "Statement",
          statement,
          statement(
              statement,
              actor,
              List.of(),
              day("2025-02-" + (10 + i % 7)),
              Stance.APPEAL,
              "v1 " + i));
      original.add(statement);
    }
    projections.awaitCaughtUp();
    List<String> expected = ids(timeline(actor, "?limit=100"));
    assertThat(expected).hasSize(23).containsExactlyInAnyOrderElementsOf(original);

    List<String> paged = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    String query = "?limit=5";
    int appended = 0;
    while (true) {
      JsonNode page = timeline(actor, query);
      page.get("items").forEach(item -> texts.add(item.at("/statement/original/text").asText()));
      paged.addAll(ids(page));
      // new entries before and after the cursor, and corrections, arrive between pages
      for (String day : List.of("2025-02-09", "2025-02-13", "2025-02-20")) {
        String late = id("late" + appended++);
        events.append(
            "Statement", late, statement(late, actor, List.of(), day(day), Stance.APPEAL, "late"));
      }
      events.append(
          "Statement",
          original.get(appended % 23),
          correctText(original.get(appended % 23), "v2", "fix"));
      projections.awaitCaughtUp();
      if (!page.has("nextCursor")) {
        break;
      }
      query = "?limit=5&cursor=" + page.get("nextCursor").asText();
    }

    assertThat(paged).isEqualTo(expected);
    assertThat(new HashSet<>(paged)).hasSize(paged.size());
    assertThat(texts).allMatch(text -> text.startsWith("v1"));
    assertThat(ids(timeline(actor, "?limit=100"))).hasSize(23 + appended);
  }

  @Test
  void asOf_beforeAndAfterACorrection_returnsTheTwoVersions() {
    String pistorius = id("pistorius");
    Instant recorded = Instant.parse("2025-02-13T15:00:00Z");
    Instant corrected = Instant.parse("2025-02-14T09:30:00Z");
    events.append(
        "Actor", pistorius, actor(pistorius, ActorKind.PERSON, "Boris Pistorius"), recorded);
    events.append(
        "Statement",
        id("st"),
        statement(id("st"), pistorius, List.of(), day("2025-02-13"), Stance.CRITICISM, "unklug"),
        recorded);
    events.append(
        "Statement", id("st"), correctText(id("st"), "nicht klug", "misquoted"), corrected);
    projections.awaitCaughtUp();

    JsonNode before = timeline(pistorius, "?asOf=" + encode("2025-02-14T09:00:00Z"));
    JsonNode after = timeline(pistorius, "?asOf=" + encode("2025-02-14T09:30:00Z"));
    JsonNode now = timeline(pistorius, "");
    JsonNode beforeRecorded = timeline(pistorius, "?asOf=2025-02-13");

    assertThat(before.at("/items/0/statement/original/text").asText()).isEqualTo("unklug");
    assertThat(before.at("/items/0/corrected").asBoolean()).isFalse();
    assertThat(before.at("/items/0/versions").size()).isEqualTo(1);
    assertThat(after.at("/items/0/statement/original/text").asText()).isEqualTo("nicht klug");
    assertThat(after.at("/items/0/corrected").asBoolean()).isTrue();
    assertThat(after.at("/items/0/versions/1/reason").asText()).isEqualTo("misquoted");
    assertThat(after.at("/items/0/versions/0/recordedTo").asText())
        .isEqualTo("2025-02-14T09:30:00Z");
    assertThat(now.get("items")).isEqualTo(after.get("items"));
    assertThat(beforeRecorded.get("items")).isEmpty();
  }

  @Test
  void export_asCsvAndNdjson_keepsEventStatementAndSourceIds() {
    kallasScenario();
    String path = "/api/actors/" + id("kallas") + "/timeline";

    Http.Response csv = http.get(path, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(",", TimelineExport.CSV_COLUMNS));
    assertThat(lines).hasSize(4);
    assertThat(lines[2])
        .startsWith(
            id("dirty-deal")
                + ",STATEMENT,STATEMENT,een vuile deal,2025-02-13T00:00:00Z,DAY,Brussels,"
                + id("press")
                + ","
                + id("dirty-deal")
                + ","
                + id("kallas")
                + ","
                + id("us"))
        .contains(id("nos"))
        .contains("DIRECT_QUOTE")
        .contains("en: a dirty deal");
    assertThat(lines[3]).startsWith(id("press") + ",EVENT,PRESS_CONFERENCE,").contains(id("nos"));
    assertThat(http.get(path + "?format=csv", "application/json").body()).isEqualTo(csv.body());

    Http.Response ndjson = http.get(path, "application/x-ndjson");
    assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
    List<JsonNode> entries = ndjson.lines();
    assertThat(entries)
        .extracting(e -> e.get("entryId").asText())
        .containsExactly(id("reset"), id("dirty-deal"), id("press"));
    assertThat(entries.get(1).at("/sources/0/sourceId").asText()).isEqualTo(id("nos"));
    assertThat(entries.get(1).at("/event/eventId").asText()).isEqualTo(id("press"));
    assertThat(http.get(path + "?format=ndjson").lines()).isEqualTo(entries);
    assertThat(http.get(path + "?format=ndjson&role=speaker").lines()).hasSize(1);
  }

  @Test
  void export_streamsTimelinesLongerThanOneQueryPage() {
    String actor = id("many");
    events.append("Actor", actor, actor(actor, ActorKind.STATE, "Many"));
    Set<String> all = new HashSet<>();
    for (int i = 0; i < 12; i++) {
      String statement = id("m" + i);
      events.append(
          "Statement",
          statement,
          statement(statement, actor, List.of(), day("2025-03-" + (10 + i)), Stance.NEUTRAL, "n"));
      all.add(statement);
    }
    projections.awaitCaughtUp();

    List<JsonNode> lines = http.get("/api/actors/" + actor + "/timeline?format=ndjson").lines();

    assertThat(lines)
        .extracting(e -> e.get("entryId").asText())
        .containsExactlyInAnyOrderElementsOf(all);
    assertThat(http.get("/api/actors/" + actor + "/timeline?format=csv").body().split("\r\n"))
        .hasSize(13);
  }

  @Test
  void groupTimeline_holdsTheEntriesOfMembersAndTheirOfficials_duringMembership() {
    String nato = id("nato");
    String us = id("us");
    events.append("Actor", nato, actor(nato, ActorKind.ALLIANCE, "NATO"));
    events.append("Actor", us, actor(us, ActorKind.STATE, "United States"));
    events.append("Actor", id("hegseth"), actor(id("hegseth"), ActorKind.PERSON, "Pete Hegseth"));
    events.append("Actor", us, membership(us, nato, "1949-08-24", null));
    events.append(
        "Actor",
        id("hegseth"),
        role(id("hegseth"), "Secretary of Defense", us, "2025-01-25", null));
    events.append(
        "Statement",
        id("in-office"),
        statement(
            id("in-office"), id("hegseth"), List.of(), day("2025-02-12"), Stance.DEMAND, "5%"));
    events.append(
        "Statement",
        id("before-office"),
        statement(
            id("before-office"), id("hegseth"), List.of(), day("2024-11-01"), Stance.DEMAND, "tv"));
    events.append(
        "Statement",
        id("at-nato"),
        statement(
            id("at-nato"), id("kallas"), List.of(nato), day("2025-02-13"), Stance.CRITICISM, "x"));
    projections.awaitCaughtUp();

    Http.Response group = http.get("/api/groups/" + nato + "/timeline");

    assertThat(group.status()).isEqualTo(200);
    assertThat(ids(group.json())).containsExactly(id("in-office"), id("at-nato"));
    assertThat(http.get("/api/groups/" + id("hegseth") + "/timeline").status()).isEqualTo(404);
    assertThat(http.get("/api/groups/" + nato + "/timeline?format=csv").body().split("\r\n"))
        .hasSize(3);
  }
}
