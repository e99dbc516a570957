package org.entente.timeline.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.cite;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.event;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.common.AttributionGrade;
import org.entente.api.event.EventKind;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
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

/** The lookup API over HTTP, on events stored in the event store and projected by the timeline. */
@TimelineBootTest
class LookupHttpIT {

  private static final Instant T0 = Instant.parse("2025-02-10T08:00:00Z");
  private static final Instant T1 = Instant.parse("2025-02-11T08:00:00Z");
  private static final Instant T2 = Instant.parse("2025-02-12T08:00:00Z");
  private static final Instant T3 = Instant.parse("2025-02-13T08:00:00Z");

  @LocalServerPort int port;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;

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

  private JsonNode ok(String path) {
    Http.Response response = http.get(path);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode problem(String path, int status) {
    Http.Response response = http.get(path);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response.json();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** NATO (T0), Germany (T0) member from T1, Pistorius (T0) minister from T2, a source (T0). */
  private void alliance() {
    events.append(
        "Actor",
        id("nato"),
        new ActorRegistered(
            id("nato"),
            ActorKind.ALLIANCE,
            "NATO " + run,
            List.of("OTAN " + run, "North Atlantic Treaty Organization"),
            Map.of("wikidata", "Q7184-" + run)),
        T0);
    events.append(
        "Actor",
        id("germany"),
        new ActorRegistered(
            id("germany"),
            ActorKind.STATE,
            "Germany " + run,
            List.of("Deutschland " + run),
            Map.of("iso3166", "DEU-" + run)),
        T0);
    events.append(
        "Actor", id("pistorius"), actor(id("pistorius"), ActorKind.PERSON, "Boris Pistorius"), T0);
    events.append("Source", id("nos"), source(id("nos"), "NAVO-ministers in Brussel"), T0);
    events.append(
        "Actor", id("germany"), membership(id("germany"), id("nato"), "1955-05-06", null), T1);
    events.append(
        "Actor",
        id("pistorius"),
        role(id("pistorius"), "Federal Minister of Defence", id("germany"), "2023-01-19", null),
        T2);
    new Projections(positions, slots).awaitCaughtUp();
  }

  @Test
  void actorSearch_findsByNameAliasOrExternalId_caseInsensitive_andByKind() {
    alliance();

    assertThat(ids(ok("/api/actors?q=" + encode("nato " + run)))).containsExactly(id("nato"));
    assertThat(ids(ok("/api/actors?q=" + encode("otan " + run.toUpperCase()))))
        .containsExactly(id("nato"));
    assertThat(ids(ok("/api/actors?q=" + encode("Q7184-" + run)))).containsExactly(id("nato"));
    assertThat(ids(ok("/api/actors?q=" + encode("deutschland " + run))))
        .containsExactly(id("germany"));
    assertThat(ids(ok("/api/actors?q=" + run))).containsExactly(id("germany"), id("nato"));
    assertThat(ids(ok("/api/actors?kind=alliance&q=" + run))).containsExactly(id("nato"));
    assertThat(ids(ok("/api/actors?kind=state&q=" + run))).containsExactly(id("germany"));
    // LIKE wildcards in q are literal text.
    assertThat(ids(ok("/api/actors?q=" + encode("%" + run)))).isEmpty();

    JsonNode nato = ok("/api/actors?q=" + encode("otan " + run)).at("/items/0");
    assertThat(nato.get("kind").asText()).isEqualTo("ALLIANCE");
    assertThat(nato.at("/aliases/0").asText()).isEqualTo("OTAN " + run);
    assertThat(nato.at("/externalIds/wikidata").asText()).isEqualTo("Q7184-" + run);
    assertThat(nato.at("/links/self").asText()).isEqualTo("/api/actors/" + id("nato"));
    assertThat(nato.at("/links/timeline").asText())
        .isEqualTo("/api/actors/" + id("nato") + "/timeline");
  }

  @Test
  void actorSearch_pagesByKeyset_withoutRepeatsOrGaps_whileActorsArrive() {
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < 7; n++) {
      String actorId = id("page-" + n);
      // Names in reverse of id order, so the page order is by name, not by id.
      events.append(
          "Actor",
          actorId,
          actor(actorId, ActorKind.STATE, "Pager " + run + " " + (char) ('g' - n)));
      expected.add(0, actorId);
    }
    new Projections(positions, slots).awaitCaughtUp();

    List<String> seen = new ArrayList<>();
    JsonNode page = ok("/api/actors?limit=3&q=" + encode("pager " + run));
    seen.addAll(ids(page));
    // An actor registered between pages sorts first; the pinned snapshot keeps it out.
    events.append("Actor", id("late"), actor(id("late"), ActorKind.STATE, "Pager " + run + " a"));
    new Projections(positions, slots).awaitCaughtUp();
    int pages = 1;
    while (page.hasNonNull("nextCursor")) {
      page =
          ok(
              "/api/actors?limit=3&q="
                  + encode("pager " + run)
                  + "&cursor="
                  + page.get("nextCursor").asText());
      seen.addAll(ids(page));
      pages++;
    }

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
    assertThat(ids(ok("/api/actors?limit=10&q=" + encode("pager " + run)))).hasSize(8);
  }

  @Test
  void actorSearch_badParameters_areProblemsNamingTheParameter() {
    assertThat(problem("/api/actors?kind=planet", 400).at("/errors/0/field").asText())
        .isEqualTo("kind");
    assertThat(problem("/api/actors?limit=0", 400).at("/errors/0/field").asText())
        .isEqualTo("limit");
    assertThat(problem("/api/actors?limit=1000", 400).at("/errors/0/field").asText())
        .isEqualTo("limit");
    assertThat(problem("/api/actors?limit=many", 400).at("/errors/0/field").asText())
        .isEqualTo("limit");
    assertThat(problem("/api/actors?asOf=yesterday", 400).at("/errors/0/field").asText())
        .isEqualTo("asOf");
    assertThat(problem("/api/actors?cursor=bm9wZQ", 400).at("/errors/0/field").asText())
        .isEqualTo("cursor");
    assertThat(problem("/api/actors?q=%00", 400).at("/errors/0/field").asText()).isEqualTo("q");
    assertThat(problem("/api/actors?q=" + "x".repeat(201), 400).at("/errors/0/field").asText())
        .isEqualTo("q");

    for (int n = 0; n < 3; n++) {
      events.append("Actor", id("c" + n), actor(id("c" + n), ActorKind.STATE, "Cursor " + run));
    }
    new Projections(positions, slots).awaitCaughtUp();
    String cursor =
        ok("/api/actors?limit=1&q=" + encode("cursor " + run)).get("nextCursor").asText();
    assertThat(
            problem("/api/actors?limit=1&q=other&cursor=" + cursor, 400)
                .at("/errors/0/field")
                .asText())
        .isEqualTo("cursor");
    assertThat(ids(ok("/api/actors?limit=1&q=" + encode("cursor " + run) + "&cursor=" + cursor)))
        .containsExactly(id("c1"));
  }

  @Test
  void actor_hasRolesMembershipsMembersAndLinks_asKnownAtAsOf() {
    alliance();

    JsonNode nato = ok("/api/actors/" + id("nato"));
    assertThat(nato.get("name").asText()).isEqualTo("NATO " + run);
    assertThat(nato.get("kind").asText()).isEqualTo("ALLIANCE");
    assertThat(nato.at("/members/0/actorId").asText()).isEqualTo(id("germany"));
    assertThat(nato.at("/members/0/actorName").asText()).isEqualTo("Germany " + run);
    assertThat(nato.at("/members/0/from").asText()).isEqualTo("1955-05-06");
    assertThat(nato.at("/links/stream").asText()).isEqualTo("/api/streams/" + id("nato"));
    assertThat(nato.at("/links/groupTimeline").asText())
        .isEqualTo("/api/groups/" + id("nato") + "/timeline");
    assertThat(nato.at("/links/cohesion").asText())
        .isEqualTo("/api/groups/" + id("nato") + "/cohesion");
    assertThat(nato.has("asOf")).isFalse();

    JsonNode germany = ok("/api/actors/" + id("germany"));
    assertThat(germany.at("/memberships/0/groupId").asText()).isEqualTo(id("nato"));
    assertThat(germany.at("/memberships/0/groupName").asText()).isEqualTo("NATO " + run);
    assertThat(germany.at("/officials/0/actorId").asText()).isEqualTo(id("pistorius"));
    assertThat(germany.at("/officials/0/title").asText()).isEqualTo("Federal Minister of Defence");
    assertThat(germany.at("/aliases/0").asText()).isEqualTo("Deutschland " + run);
    assertThat(germany.at("/externalIds/iso3166").asText()).isEqualTo("DEU-" + run);
    assertThat(germany.get("versions")).hasSize(2);
    assertThat(germany.at("/versions/1/change").asText()).isEqualTo("MEMBERSHIP");
    assertThat(germany.at("/links/cohesion").isMissingNode()).isTrue();

    JsonNode pistorius = ok("/api/actors/" + id("pistorius"));
    assertThat(pistorius.at("/roles/0/atActorName").asText()).isEqualTo("Germany " + run);
    assertThat(pistorius.at("/links/groupTimeline").isMissingNode()).isTrue();

    // Before the membership and the role were recorded.
    JsonNode then = ok("/api/actors/" + id("germany") + "?asOf=" + T0.plusSeconds(60));
    assertThat(then.get("memberships")).isEmpty();
    assertThat(then.get("officials")).isEmpty();
    assertThat(then.get("asOf").asText()).isEqualTo(T0.plusSeconds(60).toString());
    assertThat(ok("/api/actors/" + id("nato") + "?asOf=" + T1).get("members")).hasSize(1);
    assertThat(ok("/api/actors/" + id("germany") + "?asOf=" + T1).get("officials")).isEmpty();

    // Before it was registered, nobody knew the actor.
    JsonNode unknown = problem("/api/actors/" + id("nato") + "?asOf=2025-01-01", 404);
    assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("id");
    assertThat(unknown.get("detail").asText()).contains(id("nato"));
    assertThat(
            problem("/api/actors/" + id("nato") + "?asOf=soon", 400).at("/errors/0/field").asText())
        .isEqualTo("asOf");
  }

  @Test
  void statementAndEvent_haveCurrentStateVersionsAndLinks_asKnownAtAsOf() {
    alliance();
    events.append(
        "DiplomaticEvent",
        id("meeting"),
        event(
            id("meeting"),
            EventKind.MEETING,
            "Defence ministers meet",
            day("2025-02-13"),
            List.of(participant(id("pistorius"), ParticipantPart.ATTENDEE))),
        T1);
    StatementRecorded said =
        statement(
            id("st"),
            id("pistorius"),
            List.of(id("nato")),
            day("2025-02-13"),
            Stance.CRITICISM,
            "unklug",
            List.of("ukraine"),
            List.of(cite(id("nos"), AttributionGrade.DIRECT_QUOTE)));
    events.append("Statement", id("st"), said, T1);
    events.append("Statement", id("st"), correctText(id("st"), "sehr unklug", "misquoted"), T3);
    new Projections(positions, slots).awaitCaughtUp();

    JsonNode now = ok("/api/statements/" + id("st"));
    assertThat(now.get("type").asText()).isEqualTo("STATEMENT");
    assertThat(now.get("version").asInt()).isEqualTo(2);
    assertThat(now.at("/state/original/text").asText()).isEqualTo("sehr unklug");
    assertThat(now.at("/state/corrected").asBoolean()).isTrue();
    assertThat(now.at("/state/topics/0").asText()).isEqualTo("ukraine");
    assertThat(now.get("versions")).hasSize(2);
    assertThat(now.at("/versions/0/recordedFrom").asText()).isEqualTo(T1.toString());
    assertThat(now.at("/versions/0/recordedTo").asText()).isEqualTo(T3.toString());
    assertThat(now.at("/versions/0/state/original/text").asText()).isEqualTo("unklug");
    assertThat(now.at("/versions/1/change").asText()).isEqualTo("CORRECTED");
    assertThat(now.at("/versions/1/reason").asText()).isEqualTo("misquoted");
    assertThat(now.at("/versions/1/recordedTo").isMissingNode()).isTrue();
    assertThat(now.at("/links/stream").asText()).isEqualTo("/api/streams/" + id("st"));
    assertThat(now.at("/links/timelines/0").asText())
        .isEqualTo("/api/actors/" + id("pistorius") + "/timeline");
    assertThat(now.at("/links/sources/0").asText()).isEqualTo("/api/sources/" + id("nos"));

    JsonNode before = ok("/api/statements/" + id("st") + "?asOf=" + T2);
    assertThat(before.get("version").asInt()).isEqualTo(1);
    assertThat(before.at("/state/original/text").asText()).isEqualTo("unklug");
    assertThat(before.get("versions")).hasSize(1);
    assertThat(before.at("/versions/0/recordedTo").isMissingNode()).isTrue();
    assertThat(before.get("asOf").asText()).isEqualTo(T2.toString());
    problem("/api/statements/" + id("st") + "?asOf=" + T0, 404);

    JsonNode meeting = ok("/api/events/" + id("meeting"));
    assertThat(meeting.get("type").asText()).isEqualTo("EVENT");
    assertThat(meeting.at("/state/kind").asText()).isEqualTo("MEETING");
    assertThat(meeting.at("/state/participants/0/actorId").asText()).isEqualTo(id("pistorius"));
    assertThat(meeting.at("/state/topics").isMissingNode()).isTrue();
    assertThat(meeting.at("/links/self").asText()).isEqualTo("/api/events/" + id("meeting"));

    // A statement is not an event, nor the other way round.
    JsonNode wrong = problem("/api/events/" + id("st"), 404);
    assertThat(wrong.get("detail").asText()).contains(id("st"));
    problem("/api/statements/" + id("meeting"), 404);
  }

  @Test
  void source_isReadById_andUnknownIdsAreNamedIn404s() {
    alliance();

    JsonNode nos = ok("/api/sources/" + id("nos"));
    assertThat(nos.get("title").asText()).isEqualTo("NAVO-ministers in Brussel");
    assertThat(nos.get("publisher").asText()).isEqualTo("NOS");
    assertThat(nos.at("/versions/0/recordedFrom").asText()).isEqualTo(T0.toString());
    assertThat(nos.at("/links/stream").asText()).isEqualTo("/api/streams/" + id("nos"));
    problem("/api/sources/" + id("nos") + "?asOf=2024-12-31", 404);

    for (String path :
        List.of("/api/sources/", "/api/actors/", "/api/statements/", "/api/events/")) {
      JsonNode unknown = problem(path + "nobody-" + run, 404);
      assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("id");
      assertThat(unknown.get("detail").asText()).contains("nobody-" + run);
    }
  }

  @Test
  void openApi_describesTheLookups_besideTheRecordersPosts() {
    JsonNode paths = ok("/v3/api-docs").get("paths");

    assertThat(paths.at("/~1api~1actors/get/parameters").toString())
        .contains("\"q\"", "\"kind\"", "\"asOf\"", "\"cursor\"");
    assertThat(paths.at("/~1api~1actors/post").isObject()).isTrue();
    for (String path :
        List.of(
            "/api/actors/{id}", "/api/statements/{id}", "/api/events/{id}", "/api/sources/{id}")) {
      JsonNode get = paths.path(path).path("get");
      assertThat(get.isObject()).as(path).isTrue();
      assertThat(get.at("/responses/404").isObject()).as(path).isTrue();
    }
    assertThat(paths.at("/~1api~1statements/post").isObject()).isTrue();
    assertThat(paths.at("/~1api~1events/post").isObject()).isTrue();
  }
}
