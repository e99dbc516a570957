package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.at;
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
import java.util.Map;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.LocalizedText;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.ParticipantPart;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRetracted;
import org.entente.api.statement.TranslationAdded;
import org.entente.timeline.support.ProjectionDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event in, rows out: the projection on a real PostgreSQL, without Axon. */
class TimelineProjectorTest {

  private static final Instant T0 = Instant.parse("2025-02-13T10:00:00Z");

  private final ProjectionDatabase db = ProjectionDatabase.get();
  private final TimelineProjector projector = new TimelineProjector();
  private final SlotWriter rows = db.writer(Slot.A);
  private long position;
  private Instant recordedAt;

  @BeforeEach
  void emptySlots() {
    db.clear();
    position = 0;
    recordedAt = T0;
  }

  /** Applies the event at the next position, one minute after the previous one. */
  private RecordedEvent apply(Object payload) {
    RecordedEvent event = new RecordedEvent(++position, recordedAt, payload);
    recordedAt = recordedAt.plusSeconds(60);
    projector.apply(event, rows);
    return event;
  }

  private List<Map<String, Object>> versions(String entryId) {
    return db.jdbc.queryForList(
        "select version, kind, event_time, best_grade::int as best_grade, topics::text as topics, recorded_from,"
            + " recorded_from_position, recorded_to, recorded_to_position, doc::text as doc"
            + " from tl_entry_version where slot = 'a' and entry_id = ? order by version",
        entryId);
  }

  private List<String> links(String entryId, int version) {
    return db.jdbc.queryForList(
        "select actor_id || ':' || role from tl_entry_actor where slot = 'a' and entry_id = ?"
            + " and version = ? order by 1",
        String.class,
        entryId,
        version);
  }

  private EntryDoc doc(String entryId) {
    return rows.current(entryId).orElseThrow().doc();
  }

  private List<Map<String, Object>> allRows() {
    return db.jdbc.queryForList(
        "select 'v' t, entry_id k, version n, doc::text d, recorded_to_position p from tl_entry_version"
            + " union all select 'l', entry_id || actor_id || role, version, null, null from tl_entry_actor"
            + " union all select 'a', actor_id, position, name, null from tl_actor"
            + " union all select 'r', actor_id, position, title, null from tl_role"
            + " union all select 'm', actor_id, position, group_id, null from tl_membership"
            + " union all select 's', source_id, position, title, null from tl_source"
            + " union all select 'p', owner_id || entry_id || role || cause, version, null, null"
            + " from tl_page_row"
            + " order by 1, 2, 3");
  }

  @Test
  void actorRegistered_storesNameAndKind_once() {
    RecordedEvent registered = apply(actor("hegseth", ActorKind.PERSON, "Pete Hegseth"));
    projector.apply(registered, rows);

    assertThat(
            db.jdbc.queryForList(
                "select name || '/' || kind from tl_actor where slot = 'a'", String.class))
        .containsExactly("Pete Hegseth/PERSON");
  }

  @Test
  void roleAndMembership_areKeptWithTheirPeriods() {
    apply(role("hegseth", "Secretary of Defense", "united-states", "2025-01-25", null));
    apply(membership("sweden", "nato", "2024-03-07", null));

    assertThat(
            db.jdbc.queryForList(
                "select actor_id || ' ' || title || ' at ' || at_actor_id || ' from ' || from_date"
                    + " || ' to ' || coalesce(to_date::text, 'open') from tl_role",
                String.class))
        .containsExactly("hegseth Secretary of Defense at united-states from 2025-01-25 to open");
    assertThat(
            db.jdbc.queryForList(
                "select actor_id || ' in ' || group_id || ' from ' || from_date from tl_membership",
                String.class))
        .containsExactly("sweden in nato from 2024-03-07");
  }

  @Test
  void sourceRegistered_keepsWhatEntriesShowOfIt() {
    apply(source("nos-article", "NAVO-ministers in Brussel"));

    assertThat(
            db.jdbc.queryForList(
                "select source_id || ' ' || publisher || ' ' || title from tl_source",
                String.class))
        .containsExactly("nos-article NOS NAVO-ministers in Brussel");
  }

  @Test
  void diplomaticEventRecorded_makesVersionOne_forEveryParticipant() {
    apply(
        event(
            "dinner",
            EventKind.DINNER,
            "Rutte dines with Hegseth",
            day("2025-02-12"),
            List.of(
                participant("rutte", ParticipantPart.HOST),
                participant("hegseth", ParticipantPart.GUEST))));

    List<Map<String, Object>> versions = versions("dinner");
    assertThat(versions).hasSize(1);
    assertThat(versions.get(0))
        .containsEntry("version", 1)
        .containsEntry("kind", "DINNER")
        .containsEntry("recorded_from_position", 1L)
        .containsEntry("recorded_to", null);
    assertThat(links("dinner", 1)).containsExactly("hegseth:PARTICIPANT", "rutte:PARTICIPANT");
    EntryDoc doc = doc("dinner");
    assertThat(doc.title).isEqualTo("Rutte dines with Hegseth");
    assertThat(doc.status).isEqualTo(EventStatus.TOOK_PLACE);
    assertThat(doc.versions)
        .extracting(VersionNote::change)
        .containsExactly(VersionNote.Change.RECORDED);
  }

  @Test
  void diplomaticEventAmended_closesVersionOne_andChangesParticipants() {
    apply(
        event(
            "meeting",
            EventKind.MEETING,
            "Ministers meet",
            day("2025-02-13"),
            List.of(participant("hegseth", ParticipantPart.ATTENDEE))));
    apply(
        new DiplomaticEventAmended(
            "meeting",
            List.of("title", "participants"),
            null,
            "Defence ministers meet",
            null,
            null,
            List.of(participant("pistorius", ParticipantPart.ATTENDEE)),
            null,
            "wrong attendee"));

    List<Map<String, Object>> versions = versions("meeting");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0))
        .containsEntry("recorded_to_position", 2L)
        .containsEntry("recorded_to", versions.get(1).get("recorded_from"));
    assertThat(links("meeting", 1)).containsExactly("hegseth:PARTICIPANT");
    assertThat(links("meeting", 2)).containsExactly("pistorius:PARTICIPANT");
    EntryDoc doc = doc("meeting");
    assertThat(doc.title).isEqualTo("Defence ministers meet");
    assertThat(doc.location).isEqualTo("Brussels");
    assertThat(doc.corrected).isTrue();
    assertThat(doc.versions.get(1).reason()).isEqualTo("wrong attendee");
    assertThat(doc.versions.get(1).changed()).containsExactly("title", "participants");
  }

  @Test
  void scheduledEvent_heldThenCancelledThenRetracted_keepsEveryVersion() {
    apply(
        new org.entente.api.event.DiplomaticEventRecorded(
            "summit",
            EventKind.SUMMIT,
            "NATO summit The Hague",
            new org.entente.api.common.EventTime(
                Instant.parse("2025-06-01T00:00:00Z"), org.entente.api.common.TimePrecision.MONTH),
            "The Hague",
            List.of(participant("nato", ParticipantPart.HOST)),
            EventStatus.SCHEDULED,
            List.of()));
    apply(new DiplomaticEventHeld("summit", day("2025-06-24")));
    assertThat(doc("summit").status).isEqualTo(EventStatus.TOOK_PLACE);
    assertThat(doc("summit").time).isEqualTo(day("2025-06-24"));
    assertThat(versions("summit").get(1).get("event_time").toString()).startsWith("2025-06-24");

    apply(new DiplomaticEventCancelled("summit", "postponed"));
    assertThat(doc("summit").status).isEqualTo(EventStatus.CANCELLED);
    assertThat(doc("summit").cancellationReason).isEqualTo("postponed");

    apply(new DiplomaticEventRetracted("summit", "never planned"));
    EntryDoc retracted = doc("summit");
    assertThat(retracted.retracted).isTrue();
    assertThat(retracted.retractionReason).isEqualTo("never planned");
    assertThat(retracted.versions)
        .extracting(VersionNote::change)
        .containsExactly(
            VersionNote.Change.RECORDED,
            VersionNote.Change.HELD,
            VersionNote.Change.CANCELLED,
            VersionNote.Change.RETRACTED);
    assertThat(versions("summit")).hasSize(4);
  }

  @Test
  void statementRecorded_linksSpeakerAndTargets_withBestGradeAndTopics() {
    apply(
        statement(
            "reset",
            "hegseth",
            List.of("nato", "european-allies"),
            at("2025-02-13T11:00:00Z"),
            Stance.DEMAND,
            "Europe must take responsibility",
            List.of("defence-spending"),
            List.of(
                cite("nos", AttributionGrade.SECOND_HAND_MEDIA),
                cite("transcript", AttributionGrade.OFFICIAL_TRANSCRIPT))));

    Map<String, Object> version = versions("reset").get(0);
    assertThat(version)
        .containsEntry("kind", "STATEMENT")
        .containsEntry("best_grade", AttributionGrade.OFFICIAL_TRANSCRIPT.ordinal())
        .containsEntry("topics", "{defence-spending}");
    assertThat(links("reset", 1))
        .containsExactly("european-allies:TARGET", "hegseth:SPEAKER", "nato:TARGET");
    assertThat(doc("reset").title).isEqualTo("Europe must take responsibility");
  }

  @Test
  void statementCorrected_makesVersionTwo_andKeepsVersionOneWithItsRecordTimeInterval() {
    apply(statement("st", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "dirty deal"));
    RecordedEvent correction = apply(correctText("st", "a dirty deal", "quote incomplete"));

    List<Map<String, Object>> versions = versions("st");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0)).containsEntry("recorded_to_position", correction.position());
    assertThat(versions.get(1)).containsEntry("recorded_to_position", null);
    EntryDoc doc = doc("st");
    assertThat(doc.original).isEqualTo(new LocalizedText("nl", "a dirty deal"));
    assertThat(doc.corrected).isTrue();
    assertThat(doc.versions)
        .extracting(VersionNote::change)
        .containsExactly(VersionNote.Change.RECORDED, VersionNote.Change.CORRECTED);
    assertThat(doc.versions.get(1).recordedAt()).isEqualTo(correction.recordedAt());
    assertThat(versions.get(0).get("doc").toString())
        .contains("dirty deal")
        .doesNotContain("a dirty");
  }

  @Test
  void statementCorrected_canMoveItToOtherTargets() {
    apply(
        statement(
            "st", "kallas", List.of("united-states"), day("2025-02-13"), Stance.CRITICISM, "x"));
    apply(
        new org.entente.api.statement.StatementCorrected(
            "st",
            List.of("targetIds"),
            null,
            null,
            List.of("russia"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "wrong target"));

    assertThat(links("st", 1)).containsExactly("kallas:SPEAKER", "united-states:TARGET");
    assertThat(links("st", 2)).containsExactly("kallas:SPEAKER", "russia:TARGET");
  }

  @Test
  void statementRetracted_isKeptAndMarked() {
    apply(statement("st", "rutte", List.of(), day("2025-02-13"), Stance.CRITICISM, "alleged"));
    apply(new StatementRetracted("st", "unconfirmed"));

    EntryDoc doc = doc("st");
    assertThat(doc.retracted).isTrue();
    assertThat(doc.retractionReason).isEqualTo("unconfirmed");
    assertThat(versions("st")).hasSize(2);
  }

  @Test
  void translationAdded_addsATranslation() {
    apply(statement("st", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "vuile deal"));
    apply(new TranslationAdded("st", new LocalizedText("en", "dirty deal"), "desk"));

    assertThat(doc("st").translations).containsExactly(new Translation("en", "dirty deal", "desk"));
  }

  @Test
  void sourceCited_addsTheCitation_andRaisesTheBestGrade() {
    apply(
        statement(
            "st",
            "rutte",
            List.of("hegseth"),
            day("2025-02-12"),
            Stance.CRITICISM,
            "x",
            List.of(),
            List.of(cite("nos", AttributionGrade.ALLEGED_UNCONFIRMED))));
    apply(new SourceCited("st", cite("transcript", AttributionGrade.DIRECT_QUOTE)));

    assertThat(doc("st").citations).hasSize(2);
    assertThat(versions("st").get(1)).containsEntry("best_grade", 0);
    assertThat(versions("st").get(0))
        .containsEntry("best_grade", AttributionGrade.ALLEGED_UNCONFIRMED.ordinal());
  }

  @Test
  void replayingEveryEventAgain_leavesTheSameRows() {
    List<RecordedEvent> events =
        List.of(
            apply(actor("kallas", ActorKind.PERSON, "Kaja Kallas")),
            apply(membership("estonia", "eu", "2004-05-01", null)),
            apply(role("kallas", "High Representative", "eu", "2024-12-01", null)),
            apply(source("nos", "article")),
            apply(
                statement(
                    "st",
                    "kallas",
                    List.of("united-states"),
                    day("2025-02-13"),
                    Stance.CRITICISM,
                    "x")),
            apply(correctText("st", "y", "typo")),
            apply(new TranslationAdded("st", new LocalizedText("en", "y"), null)),
            apply(new SourceCited("st", cite("nos", AttributionGrade.NAMED_PARAPHRASE))),
            apply(new StatementRetracted("st", "withdrawn")),
            apply(
                event(
                    "ev",
                    EventKind.MEETING,
                    "m",
                    day("2025-02-13"),
                    List.of(participant("kallas", ParticipantPart.SPEAKER)))),
            apply(new DiplomaticEventHeld("ev", null)));
    List<Map<String, Object>> before = allRows();

    events.forEach(event -> projector.apply(event, rows));

    assertThat(allRows()).isEqualTo(before);
  }

  @Test
  void changeOfAnUnknownEntry_isIgnored() {
    apply(new StatementRetracted("nobody-recorded-this", "?"));

    assertThat(versions("nobody-recorded-this")).isEmpty();
  }

  @Test
  void recordTime_neverRunsBackwardsWithinAnEntry() {
    apply(statement("st", "kallas", List.of(), day("2025-02-13"), Stance.CRITICISM, "x"));
    Instant first = doc("st").versions.get(0).recordedAt();
    projector.apply(
        new RecordedEvent(++position, first.minusSeconds(3600), correctText("st", "y", "z")), rows);

    assertThat(doc("st").versions.get(1).recordedAt()).isEqualTo(first);
  }

  @Test
  void slotsAreIndependent() {
    apply(actor("kallas", ActorKind.PERSON, "Kaja Kallas"));
    db.writer(Slot.B).clear();

    assertThat(db.jdbc.queryForObject("select count(*) from tl_actor where slot = 'a'", Long.class))
        .isEqualTo(1);
    db.writer(Slot.A).clear();
    assertThat(db.jdbc.queryForObject("select count(*) from tl_actor", Long.class)).isZero();
  }
}
