package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.event.ParticipantPart;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.api.source.RegisterSource;
import org.entente.api.statement.CiteSource;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementRecorded;
import org.entente.recorder.reference.References.EventStanding;
import org.entente.recorder.rules.RuleViolationException;
import org.entente.recorder.rules.UnknownReferenceException;
import org.entente.recorder.rules.WrongStateException;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The aggregates in the running application: handlers get References and the CAMEO codebook from
 * Spring, and References read the real event store, where one id space holds every aggregate type.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class DomainOnEventStoreIT {

  static final String TEXT = "Hegseth: \"Wij zijn een trotse NAVO-lid.\"";

  @Autowired CommandGateway commands;
  @Autowired EventStore eventStore;
  @Autowired References references;

  @Test
  void aStatementIsRecorded_withReferencesAndCodebookCheckedAgainstTheEventStore() {
    commands.sendAndWait(
        new RegisterActor("dom-hegseth", ActorKind.PERSON, "Pete Hegseth", null, null));
    commands.sendAndWait(new RegisterActor("dom-nato", ActorKind.ALLIANCE, "NATO", null, null));
    commands.sendAndWait(
        new RegisterSource(
            "dom-nos", "NOS", null, "Hegseth in Brussel", Instant.EPOCH, "nl", TEXT));
    commands.sendAndWait(
        new RecordDiplomaticEvent(
            "dom-speech",
            EventKind.SPEECH,
            "Hegseth's speech",
            EventTime.instant(Instant.parse("2025-02-12T10:00:00Z")),
            "Brussels",
            List.of(new Participant("dom-hegseth", ParticipantPart.SPEAKER)),
            EventStatus.TOOK_PLACE,
            null));

    commands.sendAndWait(statement("dom-statement", "030", Weight.goldstein(4.0), "dom-nos"));

    assertThat(eventStore.readEvents("dom-statement").asStream().toList())
        .singleElement()
        .satisfies(e -> assertThat(e.getPayload()).isInstanceOf(StatementRecorded.class));
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    statement("dom-statement-2", "030", Weight.goldstein(-4.0), "dom-nos")))
        .isInstanceOf(RuleViolationException.class)
        .extracting("field")
        .isEqualTo("weight.value");
    assertThat(eventStore.readEvents("dom-statement-2").asStream().toList()).isEmpty();
  }

  @Test
  void aRetractedEvent_isKnownAsRetracted_fromTheEventStore() {
    commands.sendAndWait(
        new RecordDiplomaticEvent(
            "dom-withdrawn-dinner",
            EventKind.DINNER,
            "A dinner that was wrongly recorded",
            EventTime.instant(Instant.parse("2025-02-12T19:00:00Z")),
            "Brussels",
            List.of(),
            EventStatus.TOOK_PLACE,
            null));
    assertThat(references.eventStanding("dom-withdrawn-dinner")).isEqualTo(EventStanding.ON_RECORD);

    commands.sendAndWait(new RetractDiplomaticEvent("dom-withdrawn-dinner", "never happened"));

    assertThat(references.eventStanding("dom-withdrawn-dinner")).isEqualTo(EventStanding.RETRACTED);
    assertThat(references.eventStanding("dom-never-recorded")).isEqualTo(EventStanding.UNKNOWN);
  }

  @Test
  void anIdOfAnotherAggregateType_isAnUnknownReference() {
    commands.sendAndWait(
        new RegisterActor("dom-kallas", ActorKind.PERSON, "Kaja Kallas", null, null));
    commands.sendAndWait(
        new RegisterSource("dom-article", "NOS", null, "Kallas", Instant.EPOCH, "nl", TEXT));

    assertThat(references.actorKind("dom-kallas")).contains(ActorKind.PERSON);
    assertThat(references.source("dom-kallas")).isEmpty();
    assertThat(references.eventStanding("dom-kallas")).isEqualTo(EventStanding.UNKNOWN);
    assertThat(references.actorKind("dom-article")).isEmpty();
    assertThat(references.source("dom-article"))
        .hasValueSatisfying(s -> assertThat(s.text()).isEqualTo(TEXT));
    assertThat(references.actorKind("dom-never-recorded")).isEmpty();
    assertThat(references.source(null)).isEmpty();

    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    statement(
                        "dom-mixup",
                        "dom-kallas",
                        null,
                        List.of(),
                        "010",
                        Weight.goldstein(0),
                        "dom-kallas")))
        .isInstanceOf(UnknownReferenceException.class)
        .extracting("field")
        .isEqualTo("citations[0].sourceId");
  }

  @Test
  void citingASourceTwice_isStoredOnce() {
    commands.sendAndWait(
        new RegisterActor("dom-rutte", ActorKind.PERSON, "Mark Rutte", null, null));
    commands.sendAndWait(
        new RegisterSource("dom-nos-2", "NOS", null, "Rutte", Instant.EPOCH, "nl", TEXT));
    commands.sendAndWait(
        new RecordStatement(
            "dom-rutte-said",
            "dom-rutte",
            null,
            null,
            EventTime.instant(Instant.parse("2025-02-13T10:00:00Z")),
            Stance.NEUTRAL,
            "010",
            Weight.goldstein(0),
            null,
            null,
            new LocalizedText("nl", "Iets."),
            null,
            null));
    Citation citation =
        new Citation("dom-nos-2", new Excerpt(0, 7, "Hegseth"), AttributionGrade.DIRECT_QUOTE);

    commands.sendAndWait(new CiteSource("dom-rutte-said", citation));
    assertThatThrownBy(() -> commands.sendAndWait(new CiteSource("dom-rutte-said", citation)))
        .isInstanceOf(WrongStateException.class)
        .extracting("field")
        .isEqualTo("citation");
    assertThat(eventStore.readEvents("dom-rutte-said").asStream().toList()).hasSize(2);
  }

  static RecordStatement statement(String id, String code, Weight weight, String sourceId) {
    return statement(id, "dom-hegseth", "dom-speech", List.of("dom-nato"), code, weight, sourceId);
  }

  static RecordStatement statement(
      String id,
      String speakerId,
      String eventId,
      List<String> targetIds,
      String code,
      Weight weight,
      String sourceId) {
    return new RecordStatement(
        id,
        speakerId,
        eventId,
        targetIds,
        EventTime.instant(Instant.parse("2025-02-13T10:00:00Z")),
        Stance.COMMITMENT,
        code,
        weight,
        null,
        List.of("alliance"),
        new LocalizedText("nl", "Wij zijn een trotse NAVO-lid."),
        List.of(),
        List.of(
            new Citation(
                sourceId,
                new Excerpt(10, 39, "Wij zijn een trotse NAVO-lid."),
                AttributionGrade.DIRECT_QUOTE)));
  }
}
