package org.entente.recorder.event;

import static org.entente.recorder.rules.Rejections.ruleViolation;
import static org.entente.recorder.rules.Rejections.unknownReference;
import static org.entente.recorder.rules.Rejections.wrongState;
import static org.entente.recorder.rules.SourceTexts.NOS;
import static org.entente.recorder.rules.SourceTexts.excerpt;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.TimePrecision;
import org.entente.api.event.AmendDiplomaticEvent;
import org.entente.api.event.CancelDiplomaticEvent;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.MarkDiplomaticEventHeld;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.recorder.reference.InMemoryReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiplomaticEventTest {

  static final EventTime DINNER_TIME = EventTime.instant(Instant.parse("2025-02-12T19:00:00Z"));
  static final EventTime SUMMIT_MONTH =
      new EventTime(Instant.parse("2025-06-01T00:00:00Z"), TimePrecision.MONTH);
  static final Participant RUTTE_HOSTS = new Participant("rutte", ParticipantPart.HOST);
  static final Participant HEGSETH_GUEST = new Participant("hegseth", ParticipantPart.GUEST);
  static final Citation NOS_DEAL =
      new Citation("nos", excerpt(NOS, "vuile deal"), AttributionGrade.NAMED_PARAPHRASE);

  FixtureConfiguration<DiplomaticEvent> fixture;

  @BeforeEach
  void setUp() {
    InMemoryReferences references =
        new InMemoryReferences()
            .actor("rutte", ActorKind.PERSON)
            .actor("hegseth", ActorKind.PERSON)
            .actor("nato", ActorKind.ALLIANCE)
            .source("nos", NOS)
            .source("wire", null);
    fixture = new AggregateTestFixture<>(DiplomaticEvent.class);
    fixture.registerInjectableResource(references);
  }

  static DiplomaticEventRecorded dinnerRecorded() {
    return new DiplomaticEventRecorded(
        "dinner",
        EventKind.DINNER,
        "Dinner Rutte and Hegseth",
        DINNER_TIME,
        "Brussels",
        List.of(RUTTE_HOSTS, HEGSETH_GUEST),
        EventStatus.TOOK_PLACE,
        List.of(NOS_DEAL));
  }

  static DiplomaticEventRecorded summitScheduled() {
    return new DiplomaticEventRecorded(
        "summit",
        EventKind.SUMMIT,
        "NATO summit",
        SUMMIT_MONTH,
        "The Hague",
        List.of(new Participant("nato", ParticipantPart.HOST)),
        EventStatus.SCHEDULED,
        List.of());
  }

  static RecordDiplomaticEvent recordDinner(
      List<Participant> participants, List<Citation> sources) {
    return new RecordDiplomaticEvent(
        "dinner",
        EventKind.DINNER,
        " Dinner Rutte and Hegseth ",
        DINNER_TIME,
        " Brussels ",
        participants,
        EventStatus.TOOK_PLACE,
        sources);
  }

  static AmendDiplomaticEvent amend(
      String title, String location, List<Participant> participants, List<Citation> sources) {
    return new AmendDiplomaticEvent(
        "dinner", null, null, title, null, location, participants, sources, "new report");
  }

  // --- record

  @Test
  void recordDiplomaticEvent_recordsItWithTitleAndLocationStripped() {
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS, HEGSETH_GUEST), List.of(NOS_DEAL)))
        .expectSuccessfulHandlerExecution()
        .expectEvents(dinnerRecorded());
  }

  @Test
  void recordDiplomaticEvent_withoutParticipantsOrSources_recordsEmptyLists() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RecordDiplomaticEvent(
                "summit",
                EventKind.SUMMIT,
                "NATO summit",
                SUMMIT_MONTH,
                null,
                null,
                EventStatus.SCHEDULED,
                null))
        .expectEvents(
            new DiplomaticEventRecorded(
                "summit",
                EventKind.SUMMIT,
                "NATO summit",
                SUMMIT_MONTH,
                null,
                List.of(),
                EventStatus.SCHEDULED,
                List.of()));
  }

  @Test
  void recordDiplomaticEvent_isRejected_whenAParticipantIsNotOnRecord() {
    fixture
        .givenNoPriorActivity()
        .when(
            recordDinner(
                List.of(RUTTE_HOSTS, new Participant("nobody", ParticipantPart.GUEST)), null))
        .expectNoEvents()
        .expectException(unknownReference("participants[1].actorId"));
  }

  @Test
  void recordDiplomaticEvent_isRejected_whenTheSameParticipantIsListedTwiceInOnePart() {
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS, HEGSETH_GUEST, RUTTE_HOSTS), null))
        .expectNoEvents()
        .expectException(ruleViolation("participants[2]"));
  }

  @Test
  void recordDiplomaticEvent_acceptsOneActorInTwoParts() {
    Participant rutteSpeaks = new Participant("rutte", ParticipantPart.SPEAKER);
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS, rutteSpeaks), null))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void recordDiplomaticEvent_isRejected_whenACitedSourceIsNotOnRecord() {
    fixture
        .givenNoPriorActivity()
        .when(
            recordDinner(
                List.of(RUTTE_HOSTS),
                List.of(new Citation("missing", null, AttributionGrade.DIRECT_QUOTE))))
        .expectNoEvents()
        .expectException(unknownReference("sources[0].sourceId"));
  }

  @Test
  void recordDiplomaticEvent_isRejected_whenAnExcerptQuoteDiffersFromTheSource() {
    Excerpt right = excerpt(NOS, "vuile deal");
    Citation wrong =
        new Citation(
            "nos",
            new Excerpt(right.start(), right.end(), "dirty deal"),
            AttributionGrade.DIRECT_QUOTE);
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS), List.of(NOS_DEAL, wrong)))
        .expectNoEvents()
        .expectException(ruleViolation("sources[1].excerpt.quote"));
  }

  @Test
  void recordDiplomaticEvent_isRejected_whenAnExcerptEndsBeyondTheSourceText() {
    Citation beyond =
        new Citation("nos", new Excerpt(10, 10_000, null), AttributionGrade.DIRECT_QUOTE);
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS), List.of(beyond)))
        .expectNoEvents()
        .expectException(ruleViolation("sources[0].excerpt.end"));
  }

  @Test
  void recordDiplomaticEvent_acceptsAnyForwardExcerpt_ofASourceWithoutText() {
    Citation wire =
        new Citation("wire", new Excerpt(10, 10_000, "x"), AttributionGrade.SECOND_HAND_MEDIA);
    fixture
        .givenNoPriorActivity()
        .when(recordDinner(List.of(RUTTE_HOSTS), List.of(wire)))
        .expectSuccessfulHandlerExecution();
  }

  // --- amend

  @Test
  void amendDiplomaticEvent_recordsOnlyTheChangedFields() {
    fixture
        .given(dinnerRecorded())
        .when(amend("Dinner Rutte and Hegseth", " Egmont Palace ", null, null))
        .expectEvents(
            new DiplomaticEventAmended(
                "dinner",
                List.of("location"),
                null,
                null,
                null,
                "Egmont Palace",
                null,
                null,
                "new report"));
  }

  @Test
  void amendDiplomaticEvent_recordsEveryChangedField_inDeclarationOrder() {
    EventTime later = EventTime.instant(Instant.parse("2025-02-12T20:00:00Z"));
    List<Participant> three =
        List.of(RUTTE_HOSTS, HEGSETH_GUEST, new Participant("nato", ParticipantPart.ATTENDEE));
    Citation wire = new Citation("wire", null, AttributionGrade.SECOND_HAND_MEDIA);
    fixture
        .given(dinnerRecorded())
        .when(
            new AmendDiplomaticEvent(
                "dinner",
                null,
                EventKind.MEETING,
                "Working dinner",
                later,
                "Brussels",
                three,
                List.of(NOS_DEAL, wire),
                "minutes published"))
        .expectEvents(
            new DiplomaticEventAmended(
                "dinner",
                List.of("kind", "title", "time", "participants", "sources"),
                EventKind.MEETING,
                "Working dinner",
                later,
                null,
                three,
                List.of(NOS_DEAL, wire),
                "minutes published"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenNothingChanges() {
    fixture
        .given(dinnerRecorded())
        .when(
            amend(
                " Dinner Rutte and Hegseth ",
                "Brussels",
                List.of(HEGSETH_GUEST, RUTTE_HOSTS),
                List.of(NOS_DEAL)))
        .expectNoEvents()
        .expectException(ruleViolation("changed"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenItGivesNoField() {
    fixture
        .given(dinnerRecorded())
        .when(amend(null, null, null, null))
        .expectNoEvents()
        .expectException(ruleViolation("changed"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_afterTheRetraction() {
    fixture
        .given(dinnerRecorded(), new DiplomaticEventRetracted("dinner", "never happened"))
        .when(amend("Another title", null, null, null))
        .expectNoEvents()
        .expectException(wrongState("eventId"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenANewParticipantIsNotOnRecord() {
    fixture
        .given(dinnerRecorded())
        .when(
            amend(
                null,
                null,
                List.of(RUTTE_HOSTS, new Participant("nobody", ParticipantPart.GUEST)),
                null))
        .expectNoEvents()
        .expectException(unknownReference("participants[1].actorId"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenANewSourceIsNotOnRecord() {
    fixture
        .given(dinnerRecorded())
        .when(
            amend(
                null,
                null,
                null,
                List.of(NOS_DEAL, new Citation("missing", null, AttributionGrade.DIRECT_QUOTE))))
        .expectNoEvents()
        .expectException(unknownReference("sources[1].sourceId"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenANewExcerptIsOutsideTheText() {
    Citation outside =
        new Citation("nos", new Excerpt(5000, 5001, null), AttributionGrade.DIRECT_QUOTE);
    fixture
        .given(dinnerRecorded())
        .when(amend(null, null, null, List.of(outside)))
        .expectNoEvents()
        .expectException(ruleViolation("sources[0].excerpt.end"));
  }

  @Test
  void amendDiplomaticEvent_comparesWithTheAmendedState() {
    fixture
        .given(
            dinnerRecorded(),
            new DiplomaticEventAmended(
                "dinner", List.of("location"), null, null, null, "Egmont", null, null, "r"))
        .when(amend(null, "Egmont", null, null))
        .expectNoEvents()
        .expectException(ruleViolation("changed"));
  }

  @Test
  void amendDiplomaticEvent_isRejected_whenTheExpectedVersionIsStale() {
    fixture
        .given(
            dinnerRecorded(),
            new DiplomaticEventAmended(
                "dinner", List.of("location"), null, null, null, "Egmont", null, null, "r"))
        .when(
            new AmendDiplomaticEvent(
                "dinner", 0L, null, "Stale title", null, null, null, null, "late edit"))
        .expectNoEvents()
        .expectException(ConflictingAggregateVersionException.class);
  }

  @Test
  void amendDiplomaticEvent_acceptsTheCurrentExpectedVersion() {
    fixture
        .given(dinnerRecorded())
        .when(
            new AmendDiplomaticEvent(
                "dinner", 0L, null, "Working dinner", null, null, null, null, "r"))
        .expectEvents(
            new DiplomaticEventAmended(
                "dinner", List.of("title"), null, "Working dinner", null, null, null, null, "r"));
  }

  // --- held / cancelled

  @Test
  void markDiplomaticEventHeld_marksAScheduledEventWithTheActualTime() {
    EventTime opened = EventTime.instant(Instant.parse("2025-06-24T09:00:00Z"));
    fixture
        .given(summitScheduled())
        .when(new MarkDiplomaticEventHeld("summit", opened))
        .expectEvents(new DiplomaticEventHeld("summit", opened));
  }

  @Test
  void markDiplomaticEventHeld_withoutTime_keepsTheScheduledTime() {
    fixture
        .given(summitScheduled())
        .when(new MarkDiplomaticEventHeld("summit", null))
        .expectEvents(new DiplomaticEventHeld("summit", null));
  }

  @Test
  void markDiplomaticEventHeld_isRejected_whenItAlreadyTookPlace() {
    fixture
        .given(dinnerRecorded())
        .when(new MarkDiplomaticEventHeld("dinner", null))
        .expectNoEvents()
        .expectException(wrongState("status"));
  }

  @Test
  void markDiplomaticEventHeld_isRejected_twice() {
    fixture
        .given(summitScheduled(), new DiplomaticEventHeld("summit", null))
        .when(new MarkDiplomaticEventHeld("summit", null))
        .expectNoEvents()
        .expectException(wrongState("status"));
  }

  @Test
  void markDiplomaticEventHeld_isRejected_afterCancellation() {
    fixture
        .given(summitScheduled(), new DiplomaticEventCancelled("summit", "postponed"))
        .when(new MarkDiplomaticEventHeld("summit", null))
        .expectNoEvents()
        .expectException(wrongState("status"));
  }

  @Test
  void markDiplomaticEventHeld_isRejected_afterTheRetraction() {
    fixture
        .given(summitScheduled(), new DiplomaticEventRetracted("summit", "duplicate"))
        .when(new MarkDiplomaticEventHeld("summit", null))
        .expectNoEvents()
        .expectException(wrongState("eventId"));
  }

  @Test
  void cancelDiplomaticEvent_cancelsAScheduledEvent() {
    fixture
        .given(summitScheduled())
        .when(new CancelDiplomaticEvent("summit", "postponed"))
        .expectEvents(new DiplomaticEventCancelled("summit", "postponed"));
  }

  @Test
  void cancelDiplomaticEvent_isRejected_whenItTookPlace() {
    fixture
        .given(summitScheduled(), new DiplomaticEventHeld("summit", null))
        .when(new CancelDiplomaticEvent("summit", "too late"))
        .expectNoEvents()
        .expectException(wrongState("status"));
  }

  @Test
  void cancelDiplomaticEvent_isRejected_twice() {
    fixture
        .given(summitScheduled(), new DiplomaticEventCancelled("summit", "postponed"))
        .when(new CancelDiplomaticEvent("summit", "again"))
        .expectNoEvents()
        .expectException(wrongState("status"));
  }

  @Test
  void cancelDiplomaticEvent_isRejected_afterTheRetraction() {
    fixture
        .given(summitScheduled(), new DiplomaticEventRetracted("summit", "duplicate"))
        .when(new CancelDiplomaticEvent("summit", "postponed"))
        .expectNoEvents()
        .expectException(wrongState("eventId"));
  }

  // --- retract

  @Test
  void retractDiplomaticEvent_retractsIt() {
    fixture
        .given(dinnerRecorded())
        .when(new RetractDiplomaticEvent("dinner", "never happened"))
        .expectEvents(new DiplomaticEventRetracted("dinner", "never happened"));
  }

  @Test
  void retractDiplomaticEvent_acceptsACancelledEvent() {
    fixture
        .given(summitScheduled(), new DiplomaticEventCancelled("summit", "postponed"))
        .when(new RetractDiplomaticEvent("summit", "was never planned"))
        .expectEvents(new DiplomaticEventRetracted("summit", "was never planned"));
  }

  @Test
  void retractDiplomaticEvent_isRejected_twice() {
    fixture
        .given(dinnerRecorded(), new DiplomaticEventRetracted("dinner", "never happened"))
        .when(new RetractDiplomaticEvent("dinner", "again"))
        .expectNoEvents()
        .expectException(wrongState("eventId"));
  }
}
