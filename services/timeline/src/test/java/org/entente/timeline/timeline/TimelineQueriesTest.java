package org.entente.timeline.timeline;

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

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
import org.entente.timeline.support.ProjectionDatabase;
import org.entente.timeline.timeline.TimelineQuery.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading timelines from projected rows: snapshots, filters, order, groups. */
class TimelineQueriesTest {

  private static final Instant T0 = Instant.parse("2025-02-13T10:00:00Z");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private final TimelineProjector projector = new TimelineProjector();
  private final SlotWriter rows = db.writer(Slot.A);
  private long position;

  @BeforeEach
  void emptySlots() {
    db.clear();
    position = 0;
  }

  private Instant apply(Object payload, Instant recordedAt) {
    projector.apply(new RecordedEvent(++position, recordedAt, payload), rows);
    return recordedAt;
  }

  private Instant apply(Object payload) {
    return apply(payload, T0.plusSeconds(position * 60));
  }

  private List<TimelineEntry> find(TimelineQuery query) {
    return find(query, new Snapshot(position, null));
  }

  private List<TimelineEntry> find(TimelineQuery query, Snapshot snapshot) {
    return db.queries.find(Slot.A, snapshot, query, 100);
  }

  private static TimelineQuery of(String actorId) {
    return new TimelineQuery(Scope.ACTOR, actorId, null, null, Set.of(), null, null, null, null);
  }

  private static TimelineQuery group(String groupId) {
    return new TimelineQuery(Scope.GROUP, groupId, null, null, Set.of(), null, null, null, null);
  }

  private static List<String> ids(List<TimelineEntry> entries) {
    return entries.stream().map(TimelineEntry::entryId).toList();
  }

  @Test
  void asOf_beforeAndAfterACorrection_returnsTheTwoVersions() {
    apply(actor("kallas", ActorKind.PERSON, "Kaja Kallas"));
    Instant recorded =
        apply(
            statement("st", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "vuile deal"),
            Instant.parse("2025-02-13T12:00:00Z"));
    Instant corrected =
        apply(correctText("st", "een vuile deal", "quote"), Instant.parse("2025-02-14T09:00:00Z"));

    TimelineEntry before =
        find(of("kallas"), new Snapshot(position, corrected.minusSeconds(1))).get(0);
    TimelineEntry after = find(of("kallas"), new Snapshot(position, corrected)).get(0);
    TimelineEntry now = find(of("kallas")).get(0);

    assertThat(before.statement().original().text()).isEqualTo("vuile deal");
    assertThat(before.version()).isEqualTo(1);
    assertThat(before.corrected()).isFalse();
    assertThat(before.versions()).hasSize(1);
    assertThat(before.recordedAt()).isEqualTo(recorded);
    assertThat(after.statement().original().text()).isEqualTo("een vuile deal");
    assertThat(after.corrected()).isTrue();
    assertThat(after.versions())
        .extracting(TimelineEntry.VersionView::recordedTo)
        .containsExactly(corrected, null);
    assertThat(now).isEqualTo(after);
    assertThat(find(of("kallas"), new Snapshot(position, recorded.minusSeconds(1)))).isEmpty();
  }

  @Test
  void snapshotPosition_hidesWhatWasProjectedAfterIt() {
    apply(statement("one", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "1"));
    long pinned = position;
    apply(statement("two", "kallas", List.of(), day("2025-02-12"), Stance.CRITICISM, "2"));
    apply(correctText("one", "1 corrected", "later"));

    List<TimelineEntry> pinnedView = find(of("kallas"), new Snapshot(pinned, null));

    assertThat(ids(pinnedView)).containsExactly("one");
    assertThat(pinnedView.get(0).statement().original().text()).isEqualTo("1");
    assertThat(ids(find(of("kallas")))).containsExactly("two", "one");
  }

  @Test
  void entries_areOrderedByEventTimeThenId_andPagedAfterAKey() {
    apply(statement("b", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "b"));
    apply(statement("a", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "a"));
    apply(statement("c", "kallas", List.of(), day("2025-02-11"), Stance.CRITICISM, "c"));
    apply(
        event(
            "ev",
            EventKind.MEETING,
            "meeting",
            day("2025-02-12"),
            List.of(participant("kallas", ParticipantPart.ATTENDEE))));

    assertThat(ids(find(of("kallas")))).containsExactly("c", "ev", "a", "b");
    TimelineQuery afterEv =
        of("kallas").startingAfter(new TimelineCursor.After(day("2025-02-12").at(), "ev"));
    assertThat(ids(find(afterEv))).containsExactly("a", "b");
  }

  @Test
  void filters_selectByWindowKindRoleTopicAndGrade() {
    apply(source("nos", "article"));
    apply(
        statement(
            "spoke",
            "kallas",
            List.of("hegseth"),
            day("2025-02-13"),
            Stance.CRITICISM,
            "x",
            List.of("ukraine"),
            List.of(cite("nos", AttributionGrade.DIRECT_QUOTE))));
    apply(
        statement(
            "heard",
            "hegseth",
            List.of("kallas"),
            day("2025-02-14"),
            Stance.DEMAND,
            "y",
            List.of("spending"),
            List.of(cite("nos", AttributionGrade.ALLEGED_UNCONFIRMED))));
    apply(
        event(
            "dinner",
            EventKind.DINNER,
            "dinner",
            day("2025-02-12"),
            List.of(participant("kallas", ParticipantPart.GUEST))));
    TimelineQuery all = of("kallas");

    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        new TimeBound(day("2025-02-13").at(), true),
                        new TimeBound(day("2025-02-14").at(), false),
                        Set.of(),
                        null,
                        null,
                        null,
                        null))))
        .containsExactly("spoke");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of("DINNER"),
                        null,
                        null,
                        null,
                        null))))
        .containsExactly("dinner");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of("STATEMENT"),
                        null,
                        null,
                        null,
                        null))))
        .containsExactly("spoke", "heard");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of(),
                        ActorRole.TARGET,
                        null,
                        null,
                        null))))
        .containsExactly("heard");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of(),
                        ActorRole.PARTICIPANT,
                        null,
                        null,
                        null))))
        .containsExactly("dinner");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of(),
                        null,
                        "spending",
                        null,
                        null))))
        .containsExactly("heard");
    assertThat(
            ids(
                find(
                    new TimelineQuery(
                        Scope.ACTOR,
                        "kallas",
                        null,
                        null,
                        Set.of(),
                        null,
                        null,
                        AttributionGrade.NAMED_PARAPHRASE,
                        null))))
        .containsExactly("spoke");
    assertThat(ids(find(all))).containsExactly("dinner", "spoke", "heard");
  }

  @Test
  void entry_showsNamesSourcesRolesAndTheEventAStatementWasMadeAt() {
    apply(actor("kallas", ActorKind.PERSON, "Kaja Kallas"));
    apply(actor("united-states", ActorKind.STATE, "United States"));
    apply(source("nos", "NAVO-ministers"));
    apply(
        event(
            "press",
            EventKind.PRESS_CONFERENCE,
            "Kallas press conference",
            day("2025-02-13"),
            List.of(participant("kallas", ParticipantPart.SPEAKER))));
    apply(
        new StatementRecorded(
            "st",
            "kallas",
            "press",
            List.of("united-states"),
            day("2025-02-13"),
            Stance.CRITICISM,
            "111",
            Weight.goldstein(-2),
            null,
            List.of("ukraine"),
            new org.entente.api.common.LocalizedText("nl", "een vuile deal"),
            List.of(new org.entente.api.common.LocalizedText("en", "a dirty deal")),
            List.of(cite("nos", AttributionGrade.DIRECT_QUOTE))));

    TimelineEntry entry =
        find(new TimelineQuery(
                Scope.ACTOR, "united-states", null, null, Set.of(), null, null, null, null))
            .get(0);

    assertThat(entry.roles()).containsExactly(ActorRole.TARGET);
    assertThat(entry.place()).isEqualTo("Brussels");
    assertThat(entry.event())
        .isEqualTo(new TimelineEntry.EventRef("press", "Kallas press conference", "Brussels"));
    assertThat(entry.participants())
        .containsExactly(
            new TimelineEntry.ActorRef("kallas", "Kaja Kallas", "PERSON", "SPEAKER"),
            new TimelineEntry.ActorRef("united-states", "United States", "STATE", "TARGET"));
    assertThat(entry.sources())
        .singleElement()
        .satisfies(
            source -> {
              assertThat(source.title()).isEqualTo("NAVO-ministers");
              assertThat(source.publisher()).isEqualTo("NOS");
              assertThat(source.grade()).isEqualTo(AttributionGrade.DIRECT_QUOTE);
              assertThat(source.excerpt().end()).isEqualTo(10);
            });
    assertThat(entry.statement().translations())
        .extracting(Translation::text)
        .containsExactly("a dirty deal");
    assertThat(entry.statement().weight()).isEqualTo(Weight.goldstein(-2));
  }

  @Test
  void groupTimeline_holdsMembersDuringMembership_andTheirOfficials() {
    apply(membership("sweden", "nato", "2024-03-07", null));
    apply(membership("united-states", "nato", "1949-08-24", null));
    apply(role("hegseth", "Secretary of Defense", "united-states", "2025-01-25", null));
    apply(role("rutte", "Secretary General", "nato", "2024-10-01", null));
    apply(
        statement("sweden-2023", "sweden", List.of(), day("2023-06-01"), Stance.SUPPORT, "before"));
    apply(
        statement("sweden-2025", "sweden", List.of(), day("2025-02-13"), Stance.SUPPORT, "member"));
    apply(
        statement(
            "hegseth-2024", "hegseth", List.of(), day("2024-12-01"), Stance.DEMAND, "not yet"));
    apply(
        statement(
            "hegseth-2025", "hegseth", List.of(), day("2025-02-12"), Stance.DEMAND, "in office"));
    apply(statement("rutte", "rutte", List.of(), day("2025-02-12"), Stance.APPEAL, "sg"));
    apply(
        statement(
            "to-nato", "kallas", List.of("nato"), day("2025-02-14"), Stance.CRITICISM, "at nato"));
    apply(
        statement(
            "unrelated", "kallas", List.of("russia"), day("2025-02-14"), Stance.CRITICISM, "no"));

    assertThat(ids(find(group("nato"))))
        .containsExactly("hegseth-2025", "rutte", "sweden-2025", "to-nato");
  }

  @Test
  void groupTimeline_asOf_usesMembershipsAsKnownThen() {
    Instant statementRecorded =
        apply(statement("st", "finland", List.of(), day("2025-02-13"), Stance.SUPPORT, "x"));
    Instant membershipRecorded = apply(membership("finland", "nato", "2023-04-04", null));

    assertThat(find(group("nato"), new Snapshot(position, statementRecorded))).isEmpty();
    assertThat(ids(find(group("nato"), new Snapshot(position, membershipRecorded))))
        .containsExactly("st");
  }

  @Test
  void groupTimeline_reResolvesItsRows_whenAMembershipOrRoleArrivesAfterTheEntries() {
    apply(statement("us-st", "united-states", List.of(), day("2025-02-12"), Stance.DEMAND, "a"));
    apply(statement("heg-st", "hegseth", List.of(), day("2025-02-13"), Stance.DEMAND, "b"));
    apply(statement("rutte-st", "rutte", List.of(), day("2025-02-13"), Stance.APPEAL, "c"));
    long entriesOnly = position;
    assertThat(find(group("nato"))).isEmpty();

    // the role at a state that is not a member yet reaches the state's page, not NATO's
    apply(role("hegseth", "Secretary of Defense", "united-states", "2025-01-25", null));
    long roleKnown = position;
    assertThat(ids(find(group("united-states")))).containsExactly("us-st", "heg-st");
    assertThat(find(group("nato"))).isEmpty();

    Instant joined = apply(membership("united-states", "nato", "1949-08-24", null));
    apply(role("rutte", "Secretary General", "nato", "2024-10-01", null));
    assertThat(ids(find(group("nato")))).containsExactly("us-st", "heg-st", "rutte-st");

    // a snapshot pinned before the membership (or the role) does not show what they brought
    assertThat(find(group("nato"), new Snapshot(entriesOnly, null))).isEmpty();
    assertThat(find(group("nato"), new Snapshot(roleKnown, null))).isEmpty();
    assertThat(ids(find(group("nato"), new Snapshot(position, joined))))
        .containsExactly("us-st", "heg-st");
    // the actor's own page never depends on memberships
    assertThat(ids(find(actorTimeline("hegseth"), new Snapshot(entriesOnly, null))))
        .containsExactly("heg-st");
  }

  @Test
  void membershipsAndRoles_areKeyedByTheEventThatRecordedThem_notByItsPosition() {
    // two events at one position (e.g. positions reused after a reset of the event store)
    projector.apply(
        new RecordedEvent("m-1", 7, T0, membership("sweden", "nato", "2024-03-07", null)), rows);
    projector.apply(
        new RecordedEvent("m-2", 7, T0, membership("finland", "nato", "2023-04-04", null)), rows);
    projector.apply(
        new RecordedEvent("m-2", 7, T0, membership("finland", "nato", "2023-04-04", null)), rows);
    projector.apply(
        new RecordedEvent("r-1", 8, T0, role("kristersson", "PM", "sweden", "2022-10-18", null)),
        rows);
    projector.apply(
        new RecordedEvent("r-2", 8, T0, role("orpo", "PM", "finland", "2023-06-20", null)), rows);
    position = 8;

    assertThat(
            db.jdbc.queryForList(
                "select event_id from tl_membership where slot = 'a' order by event_id",
                String.class))
        .containsExactly("m-1", "m-2");
    assertThat(
            db.jdbc.queryForList(
                "select event_id from tl_role where slot = 'a' order by event_id", String.class))
        .containsExactly("r-1", "r-2");
    apply(statement("orpo-st", "orpo", List.of(), day("2025-02-13"), Stance.SUPPORT, "x"));
    assertThat(ids(find(group("nato")))).containsExactly("orpo-st");
  }

  private static TimelineQuery actorTimeline(String actorId) {
    return new TimelineQuery(Scope.ACTOR, actorId, null, null, Set.of(), null, null, null, null);
  }
}
