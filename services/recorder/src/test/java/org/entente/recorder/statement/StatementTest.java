package org.entente.recorder.statement;

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
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.statement.AddTranslation;
import org.entente.api.statement.CiteSource;
import org.entente.api.statement.CorrectStatement;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.RetractStatement;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.Stance;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.api.statement.TranslationAdded;
import org.entente.recorder.coding.CameoCodebook;
import org.entente.recorder.reference.InMemoryReferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementTest {

  static final String ID = "hegseth-proud-member";
  static final EventTime SAID_AT = EventTime.instant(Instant.parse("2025-02-13T10:00:00Z"));
  static final LocalizedText DUTCH = new LocalizedText("nl", "Wij zijn een trotse NAVO-lid.");
  static final LocalizedText ENGLISH = new LocalizedText("en", "We are a proud NATO member.");
  static final LocalizedText GERMAN =
      new LocalizedText("de", "Wir sind ein stolzes NATO-Mitglied.");
  static final Citation QUOTE =
      new Citation(
          "nos", excerpt(NOS, "Wij zijn een trotse NAVO-lid."), AttributionGrade.DIRECT_QUOTE);
  static final Citation KALLAS =
      new Citation("nos", excerpt(NOS, "vuile deal"), AttributionGrade.NAMED_PARAPHRASE);

  /** Express intent to cooperate, CAMEO 030, +4.0 on the Goldstein scale. */
  static final Weight INTENT = Weight.goldstein(4.0);

  FixtureConfiguration<Statement> fixture;

  @BeforeEach
  void setUp() {
    InMemoryReferences references =
        new InMemoryReferences()
            .actor("hegseth", ActorKind.PERSON)
            .actor("rutte", ActorKind.PERSON)
            .actor("usa", ActorKind.STATE)
            .actor("nato", ActorKind.ALLIANCE)
            .source("nos", NOS)
            .source("wire", null)
            .event("hegseth-speech")
            .event("ministers-meeting")
            .retractedEvent("withdrawn-dinner");
    fixture = new AggregateTestFixture<>(Statement.class);
    fixture.registerInjectableResource(references);
    fixture.registerInjectableResource(new CameoCodebook());
  }

  static RecordStatement record() {
    return new Builder().build();
  }

  static StatementRecorded recorded() {
    return new StatementRecorded(
        ID,
        "hegseth",
        "hegseth-speech",
        List.of("nato"),
        SAID_AT,
        Stance.COMMITMENT,
        "030",
        INTENT,
        null,
        List.of("alliance"),
        DUTCH,
        List.of(ENGLISH),
        List.of(QUOTE));
  }

  /** A RecordStatement for the "proud NATO member" commitment; tests change one thing each. */
  static final class Builder {
    String speakerId = "hegseth";
    String eventId = "hegseth-speech";
    List<String> targetIds = List.of("nato");
    String cameoCode = "030";
    Weight weight = INTENT;
    String overrideReason;
    List<LocalizedText> translations = List.of(ENGLISH);
    List<Citation> citations = List.of(QUOTE);

    RecordStatement build() {
      return new RecordStatement(
          ID,
          speakerId,
          eventId,
          targetIds,
          SAID_AT,
          Stance.COMMITMENT,
          cameoCode,
          weight,
          overrideReason,
          List.of("alliance"),
          DUTCH,
          translations,
          citations);
    }
  }

  /** A correction that changes nothing unless a test sets a field. */
  static final class Correction {
    Long expectedVersion;
    String speakerId;
    String eventId;
    List<String> targetIds;
    List<String> addTargetIds;
    List<String> removeTargetIds;
    EventTime saidAt;
    Stance stance;
    String cameoCode;
    Weight weight;
    String overrideReason;
    List<String> topics;
    List<String> addTopics;
    List<String> removeTopics;
    LocalizedText original;

    CorrectStatement build() {
      return new CorrectStatement(
          ID,
          expectedVersion,
          speakerId,
          eventId,
          targetIds,
          addTargetIds,
          removeTargetIds,
          saidAt,
          stance,
          cameoCode,
          weight,
          overrideReason,
          topics,
          addTopics,
          removeTopics,
          original,
          "checked the recording");
    }
  }

  static StatementCorrected corrected(
      List<String> changed, Stance stance, String cameoCode, Weight weight) {
    return new StatementCorrected(
        ID,
        changed,
        null,
        null,
        null,
        null,
        stance,
        cameoCode,
        weight,
        null,
        null,
        null,
        "checked the recording");
  }

  /** A correction of the targets and/or topics only. */
  static StatementCorrected correctedLists(List<String> targetIds, List<String> topics) {
    List<String> changed = new java.util.ArrayList<>();
    if (targetIds != null) {
      changed.add("targetIds");
    }
    if (topics != null) {
      changed.add("topics");
    }
    return new StatementCorrected(
        ID,
        changed,
        null,
        null,
        targetIds,
        null,
        null,
        null,
        null,
        null,
        topics,
        null,
        "checked the recording");
  }

  @Nested
  class RecordingAStatement {

    @Test
    void recordStatement_recordsIt() {
      fixture
          .givenNoPriorActivity()
          .when(record())
          .expectSuccessfulHandlerExecution()
          .expectEvents(recorded());
    }

    @Test
    void recordStatement_withABlankEventId_recordsNoEvent() {
      Builder b = new Builder();
      b.eventId = " ";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectEvents(
              new StatementRecorded(
                  ID,
                  "hegseth",
                  null,
                  List.of("nato"),
                  SAID_AT,
                  Stance.COMMITMENT,
                  "030",
                  INTENT,
                  null,
                  List.of("alliance"),
                  DUTCH,
                  List.of(ENGLISH),
                  List.of(QUOTE)));
    }

    @Test
    void recordStatement_isRejected_whenTheSpeakerIsNotOnRecord() {
      Builder b = new Builder();
      b.speakerId = "nobody";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(unknownReference("speakerId"));
    }

    @Test
    void recordStatement_isRejected_whenATargetIsNotOnRecord() {
      Builder b = new Builder();
      b.targetIds = List.of("nato", "nobody");
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(unknownReference("targetIds[1]"));
    }

    @Test
    void recordStatement_isRejected_whenATargetIsListedTwice() {
      Builder b = new Builder();
      b.targetIds = List.of("nato", "usa", "nato");
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("targetIds[2]"));
    }

    @Test
    void recordStatement_isRejected_whenTheEventWasRetracted() {
      Builder b = new Builder();
      b.eventId = "withdrawn-dinner";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(wrongState("eventId"));
    }

    @Test
    void recordStatement_isRejected_whenTheEventIsNotOnRecord() {
      Builder b = new Builder();
      b.eventId = "no-such-event";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(unknownReference("eventId"));
    }

    @Test
    void recordStatement_isRejected_whenACitedSourceIsNotOnRecord() {
      Builder b = new Builder();
      b.citations = List.of(QUOTE, new Citation("hegseth", null, AttributionGrade.DIRECT_QUOTE));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(unknownReference("citations[1].sourceId"));
    }

    @Test
    void recordStatement_isRejected_whenTheQuoteIsNotTheSourceTextBetweenTheOffsets() {
      Builder b = new Builder();
      b.citations =
          List.of(
              new Citation(
                  "nos",
                  new Excerpt(QUOTE.excerpt().start(), QUOTE.excerpt().end(), "We are proud."),
                  AttributionGrade.DIRECT_QUOTE));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("citations[0].excerpt.quote"));
    }

    @Test
    void recordStatement_isRejected_whenACitationOfASourceWithTextHasNoExcerpt() {
      Builder b = new Builder();
      b.citations =
          List.of(
              new Citation("wire", null, AttributionGrade.SECOND_HAND_MEDIA),
              new Citation("nos", null, AttributionGrade.SECOND_HAND_MEDIA));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("citations[1].excerpt"));
    }

    /** A URL-only source (as event datasets give) has no words to point at: no excerpt needed. */
    @Test
    void recordStatement_citesASourceRegisteredWithoutText_withoutAnExcerpt() {
      Builder b = new Builder();
      b.citations = List.of(new Citation("wire", null, AttributionGrade.SECOND_HAND_MEDIA));
      RecordStatement command = b.build();
      fixture
          .givenNoPriorActivity()
          .when(command)
          .expectSuccessfulHandlerExecution()
          .expectEvents(
              new StatementRecorded(
                  ID,
                  "hegseth",
                  "hegseth-speech",
                  List.of("nato"),
                  SAID_AT,
                  Stance.COMMITMENT,
                  "030",
                  INTENT,
                  null,
                  List.of("alliance"),
                  DUTCH,
                  List.of(ENGLISH),
                  command.citations()));
    }

    @Test
    void recordStatement_stillNeedsAGrade_whenTheSourceHasNoText() {
      Builder b = new Builder();
      b.citations = List.of(new Citation("wire", null, null));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("citations[0].grade"));
    }

    @Test
    void recordStatement_isRejected_whenTheExcerptEndsBeyondTheSourceText() {
      Builder b = new Builder();
      b.citations =
          List.of(
              new Citation("nos", new Excerpt(0, 100_000, null), AttributionGrade.DIRECT_QUOTE));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("citations[0].excerpt.end"));
    }

    @Test
    void recordStatement_isRejected_whenTheExcerptEndsBeforeItStarts() {
      Builder b = new Builder();
      b.citations =
          List.of(new Citation("nos", new Excerpt(12, 4, null), AttributionGrade.DIRECT_QUOTE));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("citations[0].excerpt.end"));
    }

    @Test
    void recordStatement_acceptsExcerptsOfASourceRegisteredWithoutText() {
      Builder b = new Builder();
      b.citations =
          List.of(
              new Citation(
                  "wire", new Excerpt(500, 530, "any words"), AttributionGrade.SECOND_HAND_MEDIA));
      fixture.givenNoPriorActivity().when(b.build()).expectSuccessfulHandlerExecution();
    }

    @Test
    void recordStatement_isRejected_whenTheCameoCodeIsUnknown() {
      Builder b = new Builder();
      b.cameoCode = "999";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("cameoCode"));
    }

    @Test
    void recordStatement_treatsCodesAsStrings_so10IsADemandNotAStatement() {
      Builder b = new Builder();
      b.cameoCode = "10";
      b.weight = Weight.goldstein(0.0);
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("weight.value"));
    }

    @Test
    void recordStatement_isRejected_whenTheGoldsteinWeightIsNotTheCodebooks() {
      Builder b = new Builder();
      b.weight = Weight.goldstein(3.0);
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("weight.value"));
    }

    @Test
    void recordStatement_isRejected_whenTheGoldsteinVersionIsNotTheCodebooks() {
      Builder b = new Builder();
      b.weight = new Weight(4.0, Weight.GOLDSTEIN, "cameo-0.9");
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("weight.scaleVersion"));
    }

    @Test
    void recordStatement_recordsAnOverriddenWeight_withItsReason() {
      Builder b = new Builder();
      b.weight = Weight.goldstein(6.0);
      b.overrideReason = "a pledge before allies, stronger than an intent";
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectEvents(
              new StatementRecorded(
                  ID,
                  "hegseth",
                  "hegseth-speech",
                  List.of("nato"),
                  SAID_AT,
                  Stance.COMMITMENT,
                  "030",
                  Weight.goldstein(6.0),
                  "a pledge before allies, stronger than an intent",
                  List.of("alliance"),
                  DUTCH,
                  List.of(ENGLISH),
                  List.of(QUOTE)));
    }

    @Test
    void recordStatement_recordsAPloverWeightAsGiven() {
      Builder b = new Builder();
      b.weight = new Weight(1.0, Weight.PLOVER, "2.0");
      fixture.givenNoPriorActivity().when(b.build()).expectSuccessfulHandlerExecution();
    }

    @Test
    void recordStatement_isRejected_withATranslationIntoTheOriginalsLanguage() {
      Builder b = new Builder();
      b.translations = List.of(new LocalizedText("NL", "Wij zijn trots."));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("translations[0].language"));
    }

    @Test
    void recordStatement_isRejected_withTwoTranslationsIntoOneLanguage() {
      Builder b = new Builder();
      b.translations = List.of(ENGLISH, new LocalizedText("en", "We are proud."));
      fixture
          .givenNoPriorActivity()
          .when(b.build())
          .expectNoEvents()
          .expectException(ruleViolation("translations[1].language"));
    }
  }

  @Nested
  class CorrectingAStatement {

    @Test
    void correctStatement_recordsOnlyTheChangedFields() {
      Correction c = new Correction();
      c.stance = Stance.COMMITMENT; // unchanged
      c.cameoCode = "057";
      c.weight = Weight.goldstein(8.0);
      c.speakerId = "hegseth"; // unchanged
      fixture
          .given(recorded())
          .when(c.build())
          .expectEvents(
              corrected(List.of("cameoCode", "weight"), null, "057", Weight.goldstein(8.0)));
    }

    @Test
    void correctStatement_recordsEveryKindOfChange() {
      Correction c = new Correction();
      c.speakerId = "rutte";
      c.eventId = "ministers-meeting";
      c.targetIds = List.of("usa");
      c.saidAt = EventTime.instant(Instant.parse("2025-02-13T11:00:00Z"));
      c.stance = Stance.PRAISE;
      c.cameoCode = "051";
      c.weight = Weight.goldstein(3.4);
      c.overrideReason = "coded by hand";
      c.topics = List.of("burden-sharing");
      c.original = GERMAN;
      fixture
          .given(recorded())
          .when(c.build())
          .expectEvents(
              new StatementCorrected(
                  ID,
                  List.of(
                      "speakerId",
                      "eventId",
                      "targetIds",
                      "saidAt",
                      "stance",
                      "cameoCode",
                      "weight",
                      "weightOverrideReason",
                      "topics",
                      "original"),
                  "rutte",
                  "ministers-meeting",
                  List.of("usa"),
                  c.saidAt,
                  Stance.PRAISE,
                  "051",
                  Weight.goldstein(3.4),
                  "coded by hand",
                  List.of("burden-sharing"),
                  GERMAN,
                  "checked the recording"));
    }

    @Test
    void correctStatement_isRejected_whenNothingChanges() {
      Correction c = new Correction();
      c.stance = Stance.COMMITMENT;
      c.cameoCode = "030";
      c.weight = INTENT;
      c.original = DUTCH;
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("changed"));
    }

    @Test
    void correctStatement_isRejected_whenItOnlyReordersTheTargets() {
      Correction c = new Correction();
      c.targetIds = List.of("usa", "nato");
      fixture
          .given(
              recorded(),
              new StatementCorrected(
                  ID,
                  List.of("targetIds"),
                  null,
                  null,
                  List.of("nato", "usa"),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  "r"))
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("changed"));
    }

    @Test
    void correctStatement_isRejected_whenRetracted() {
      Correction c = new Correction();
      c.stance = Stance.PRAISE;
      fixture
          .given(recorded(), new StatementRetracted(ID, "misattributed"))
          .when(c.build())
          .expectNoEvents()
          .expectException(wrongState("statementId"));
    }

    @Test
    void correctStatement_isRejected_whenTheNewSpeakerIsNotOnRecord() {
      Correction c = new Correction();
      c.speakerId = "nobody";
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(unknownReference("speakerId"));
    }

    @Test
    void correctStatement_isRejected_whenANewTargetIsNotOnRecord() {
      Correction c = new Correction();
      c.targetIds = List.of("nobody");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(unknownReference("targetIds[0]"));
    }

    @Test
    void correctStatement_isRejected_whenTheNewEventWasRetracted() {
      Correction c = new Correction();
      c.eventId = "withdrawn-dinner";
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(wrongState("eventId"));
    }

    @Test
    void correctStatement_isRejected_whenTheNewEventIsNotOnRecord() {
      Correction c = new Correction();
      c.eventId = "no-such-event";
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(unknownReference("eventId"));
    }

    @Test
    void correctStatement_isRejected_whenTheNewCodeIsUnknown() {
      Correction c = new Correction();
      c.cameoCode = "0999";
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("cameoCode"));
    }

    @Test
    void correctStatement_checksANewCodeAgainstTheRecordedWeight() {
      Correction c = new Correction();
      c.cameoCode = "1042"; // weighs -5.0; the recorded +4.0 no longer fits
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("weight.value"));
    }

    @Test
    void correctStatement_checksANewWeightAgainstTheRecordedCode() {
      Correction c = new Correction();
      c.weight = Weight.goldstein(-5.0);
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("weight.value"));
    }

    @Test
    void correctStatement_checksANewWeightAgainstTheCorrectedCode() {
      Correction c = new Correction();
      c.weight = Weight.goldstein(8.0);
      fixture
          .given(
              recorded(),
              new StatementCorrected(
                  ID,
                  List.of("cameoCode", "weightOverrideReason"),
                  null,
                  null,
                  null,
                  null,
                  null,
                  "057",
                  null,
                  "pending recoding",
                  null,
                  null,
                  "r"))
          .when(c.build())
          .expectEvents(corrected(List.of("weight"), null, null, Weight.goldstein(8.0)));
    }

    @Test
    void correctStatement_acceptsAnotherWeight_withAnOverrideReason() {
      Correction c = new Correction();
      c.weight = Weight.goldstein(6.0);
      c.overrideReason = "a pledge before allies";
      fixture
          .given(recorded())
          .when(c.build())
          .expectEvents(
              new StatementCorrected(
                  ID,
                  List.of("weight", "weightOverrideReason"),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  Weight.goldstein(6.0),
                  "a pledge before allies",
                  null,
                  null,
                  "checked the recording"));
    }

    @Test
    void correctStatement_isRejected_whenTheNewOriginalIsInALanguageItIsTranslatedInto() {
      Correction c = new Correction();
      c.original = new LocalizedText("en", "We are a proud member of NATO.");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("original.language"));
    }
  }

  @Nested
  class EditingListsOfAStatement {

    @Test
    void addTopics_appendsToTheCurrentTopics_andTheEventCarriesTheWholeList() {
      Correction c = new Correction();
      c.addTopics = List.of("burden-sharing", "alliance");
      fixture
          .given(recorded())
          .when(c.build())
          .expectEvents(correctedLists(null, List.of("alliance", "burden-sharing")));
    }

    @Test
    void removeTopics_takesThemOutOfTheCurrentTopics() {
      Correction c = new Correction();
      c.removeTopics = List.of("alliance", "never-there");
      fixture.given(recorded()).when(c.build()).expectEvents(correctedLists(null, List.of()));
    }

    @Test
    void addAndRemoveTargetIds_editTheCurrentTargets() {
      Correction c = new Correction();
      c.addTargetIds = List.of("usa");
      c.removeTargetIds = List.of("nato");
      fixture.given(recorded()).when(c.build()).expectEvents(correctedLists(List.of("usa"), null));
    }

    @Test
    void addTargetIds_isRejected_whenANewTargetIsNotOnRecord() {
      Correction c = new Correction();
      c.addTargetIds = List.of("atlantis");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(unknownReference("addTargetIds[0]"));
    }

    @Test
    void addTopics_isRejected_whenEveryTopicIsThereAlready() {
      Correction c = new Correction();
      c.addTopics = List.of("alliance");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("changed"));
    }

    @Test
    void topics_isRejected_whenGivenWithAdditionsOrRemovals() {
      Correction c = new Correction();
      c.topics = List.of("ukraine");
      c.addTopics = List.of("burden-sharing");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("topics"));
    }

    @Test
    void removeTargetIds_isRejected_whenATargetIsBothAddedAndRemoved() {
      Correction c = new Correction();
      c.addTargetIds = List.of("usa");
      c.removeTargetIds = List.of("usa");
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ruleViolation("removeTargetIds"));
    }
  }

  /** Corrections made on an older version (expectedVersion, from If-Match or the body). */
  @Nested
  class CorrectingAnOlderVersion {

    @Test
    void aFieldCorrectedSinceTheBaseVersion_isAConflictNamingTheField() {
      Correction c = new Correction();
      c.expectedVersion = 0L;
      c.cameoCode = "057";
      c.weight = Weight.goldstein(8.0);
      fixture
          .given(recorded(), corrected(List.of("weight"), null, null, Weight.goldstein(5.0)))
          .when(c.build())
          .expectNoEvents()
          .expectException(wrongState("weight"));
    }

    @Test
    void replacedTopics_conflictWithTopicsChangedSinceTheBaseVersion() {
      Correction c = new Correction();
      c.expectedVersion = 0L;
      c.topics = List.of("ukraine");
      fixture
          .given(recorded(), correctedLists(null, List.of("alliance", "burden-sharing")))
          .when(c.build())
          .expectNoEvents()
          .expectException(wrongState("topics"));
    }

    @Test
    void otherFieldsCorrectedSinceTheBaseVersion_merge() {
      Correction c = new Correction();
      c.expectedVersion = 0L;
      c.topics = List.of("ukraine");
      fixture
          .given(recorded(), corrected(List.of("stance"), Stance.PRAISE, null, null))
          .when(c.build())
          .expectEvents(correctedLists(null, List.of("ukraine")));
    }

    @Test
    void addedTopics_applyToTheCurrentTopics_whateverChangedSinceTheBaseVersion() {
      Correction c = new Correction();
      c.expectedVersion = 0L;
      c.addTopics = List.of("deterrence");
      fixture
          .given(recorded(), correctedLists(null, List.of("alliance", "burden-sharing")))
          .when(c.build())
          .expectEvents(correctedLists(null, List.of("alliance", "burden-sharing", "deterrence")));
    }

    @Test
    void translationsAndCitationsSinceTheBaseVersion_doNotConflict() {
      Correction c = new Correction();
      c.expectedVersion = 0L;
      c.stance = Stance.PRAISE;
      fixture
          .given(recorded(), new TranslationAdded(ID, GERMAN, "DeepL"))
          .when(c.build())
          .expectEvents(corrected(List.of("stance"), Stance.PRAISE, null, null));
    }

    @Test
    void theCurrentVersionAsBase_correctsAsWithout() {
      Correction c = new Correction();
      c.expectedVersion = 1L;
      c.stance = Stance.PRAISE;
      fixture
          .given(recorded(), corrected(List.of("weight"), null, null, Weight.goldstein(5.0)))
          .when(c.build())
          .expectEvents(corrected(List.of("stance"), Stance.PRAISE, null, null));
    }

    @Test
    void aBaseVersionNotYetReached_isAVersionConflict() {
      Correction c = new Correction();
      c.expectedVersion = 3L;
      c.stance = Stance.PRAISE;
      fixture
          .given(recorded())
          .when(c.build())
          .expectNoEvents()
          .expectException(ConflictingAggregateVersionException.class);
    }
  }

  @Nested
  class TranslatingAStatement {

    @Test
    void addTranslation_addsIt() {
      fixture
          .given(recorded())
          .when(new AddTranslation(ID, GERMAN, "DeepL"))
          .expectEvents(new TranslationAdded(ID, GERMAN, "DeepL"));
    }

    @Test
    void addTranslation_isRejected_intoTheOriginalsLanguage() {
      fixture
          .given(recorded())
          .when(new AddTranslation(ID, new LocalizedText("nl", "Wij zijn trots."), null))
          .expectNoEvents()
          .expectException(ruleViolation("translation.language"));
    }

    @Test
    void addTranslation_isRejected_intoALanguageTranslatedWhenRecorded() {
      fixture
          .given(recorded())
          .when(new AddTranslation(ID, new LocalizedText("EN", "We're proud."), null))
          .expectNoEvents()
          .expectException(wrongState("translation.language"));
    }

    @Test
    void addTranslation_isRejected_intoALanguageTranslatedSince() {
      fixture
          .given(recorded(), new TranslationAdded(ID, GERMAN, "DeepL"))
          .when(new AddTranslation(ID, new LocalizedText("de", "Wir sind stolz."), "desk"))
          .expectNoEvents()
          .expectException(wrongState("translation.language"));
    }

    @Test
    void addTranslation_followsACorrectedOriginal() {
      StatementCorrected nowGerman =
          new StatementCorrected(
              ID,
              List.of("original"),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              GERMAN,
              "r");
      fixture
          .given(recorded(), nowGerman)
          .when(new AddTranslation(ID, DUTCH, "desk"))
          .expectEvents(new TranslationAdded(ID, DUTCH, "desk"));
      fixture
          .given(recorded(), nowGerman)
          .when(new AddTranslation(ID, new LocalizedText("de", "Wir sind stolz."), "desk"))
          .expectNoEvents()
          .expectException(ruleViolation("translation.language"));
    }

    @Test
    void addTranslation_isRejected_whenRetracted() {
      fixture
          .given(recorded(), new StatementRetracted(ID, "misattributed"))
          .when(new AddTranslation(ID, GERMAN, "DeepL"))
          .expectNoEvents()
          .expectException(wrongState("statementId"));
    }
  }

  @Nested
  class CitingASource {

    @Test
    void citeSource_citesAnotherExcerpt() {
      fixture
          .given(recorded())
          .when(new CiteSource(ID, KALLAS))
          .expectEvents(new SourceCited(ID, KALLAS));
    }

    @Test
    void citeSource_citesTheSameSourceWithAnotherExcerpt() {
      Citation sameWordsAgain =
          new Citation("nos", excerpt(NOS, "Wij zijn"), AttributionGrade.SECOND_HAND_MEDIA);
      fixture
          .given(recorded(), new SourceCited(ID, KALLAS))
          .when(new CiteSource(ID, sameWordsAgain))
          .expectEvents(new SourceCited(ID, sameWordsAgain));
    }

    @Test
    void citeSource_citesASourceWithoutText_withoutAnExcerpt() {
      Citation urlOnly = new Citation("wire", null, AttributionGrade.SECOND_HAND_MEDIA);
      fixture
          .given(recorded())
          .when(new CiteSource(ID, urlOnly))
          .expectEvents(new SourceCited(ID, urlOnly));
    }

    @Test
    void citeSource_isRejected_withoutAnExcerpt() {
      Citation wholeArticle = new Citation("nos", null, AttributionGrade.SECOND_HAND_MEDIA);
      fixture
          .given(recorded())
          .when(new CiteSource(ID, wholeArticle))
          .expectNoEvents()
          .expectException(ruleViolation("citation.excerpt"));
    }

    @Test
    void citeSource_isRejected_whenTheSourceIsNotOnRecord() {
      fixture
          .given(recorded())
          .when(new CiteSource(ID, new Citation("missing", null, AttributionGrade.DIRECT_QUOTE)))
          .expectNoEvents()
          .expectException(unknownReference("citation.sourceId"));
    }

    @Test
    void citeSource_isRejected_whenTheQuoteDiffersFromTheSource() {
      Excerpt wrong = new Excerpt(KALLAS.excerpt().start(), KALLAS.excerpt().end(), "dirty deal");
      fixture
          .given(recorded())
          .when(new CiteSource(ID, new Citation("nos", wrong, AttributionGrade.DIRECT_QUOTE)))
          .expectNoEvents()
          .expectException(ruleViolation("citation.excerpt.quote"));
    }

    @Test
    void citeSource_isRejected_whenTheExcerptLiesOutsideTheSource() {
      fixture
          .given(recorded())
          .when(
              new CiteSource(
                  ID,
                  new Citation(
                      "nos", new Excerpt(4000, 4010, null), AttributionGrade.DIRECT_QUOTE)))
          .expectNoEvents()
          .expectException(ruleViolation("citation.excerpt.end"));
    }

    @Test
    void citeSource_isRejected_forTheSourceAndExcerptCitedWhenRecorded() {
      Citation sameExcerptOtherGrade =
          new Citation("nos", QUOTE.excerpt(), AttributionGrade.SECOND_HAND_MEDIA);
      fixture
          .given(recorded())
          .when(new CiteSource(ID, sameExcerptOtherGrade))
          .expectNoEvents()
          .expectException(wrongState("citation"));
    }

    @Test
    void citeSource_isRejected_forTheSourceAndExcerptCitedSince() {
      fixture
          .given(recorded(), new SourceCited(ID, KALLAS))
          .when(new CiteSource(ID, KALLAS))
          .expectNoEvents()
          .expectException(wrongState("citation"));
    }

    @Test
    void citeSource_isRejected_whenRetracted() {
      fixture
          .given(recorded(), new StatementRetracted(ID, "misattributed"))
          .when(new CiteSource(ID, KALLAS))
          .expectNoEvents()
          .expectException(wrongState("statementId"));
    }
  }

  @Nested
  class RetractingAStatement {

    @Test
    void retractStatement_retractsIt() {
      fixture
          .given(recorded())
          .when(new RetractStatement(ID, "misattributed"))
          .expectEvents(new StatementRetracted(ID, "misattributed"));
    }

    @Test
    void retractStatement_retractsACorrectedStatement() {
      fixture
          .given(recorded(), corrected(List.of("stance"), Stance.PRAISE, null, null))
          .when(new RetractStatement(ID, "misattributed"))
          .expectEvents(new StatementRetracted(ID, "misattributed"));
    }

    @Test
    void retractStatement_isRejected_twice() {
      fixture
          .given(recorded(), new StatementRetracted(ID, "misattributed"))
          .when(new RetractStatement(ID, "again"))
          .expectNoEvents()
          .expectException(wrongState("statementId"));
    }
  }
}
