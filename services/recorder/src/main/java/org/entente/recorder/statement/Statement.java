package org.entente.recorder.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.entente.recorder.rules.Changes.differs;
import static org.entente.recorder.rules.Changes.differsAsSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.entente.api.common.EventTime;
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
import org.entente.recorder.coding.CodingRules;
import org.entente.recorder.reference.References;
import org.entente.recorder.rules.Changes;
import org.entente.recorder.rules.CitationRules;
import org.entente.recorder.rules.ReferenceRules;
import org.entente.recorder.rules.RuleViolationException;
import org.entente.recorder.rules.WrongStateException;

/**
 * What an actor said or is reported to have said, with its coding, texts and cited sources.
 * Corrections, translations, further citations and a retraction are new events; once retracted, a
 * statement takes no further change.
 */
@Aggregate(cache = "aggregateCache")
public class Statement {

  @AggregateIdentifier private String statementId;
  private String speakerId;
  private String eventId;
  private List<String> targetIds;
  private EventTime saidAt;
  private Stance stance;
  private String cameoCode;
  private Weight weight;
  private String weightOverrideReason;
  private List<String> topics;
  private LocalizedText original;
  private Set<String> translatedInto;
  private Set<CitationRules.Key> cited;
  private boolean retracted;

  protected Statement() {
    // for Axon
  }

  @CommandHandler
  public Statement(RecordStatement command, References references, CameoCodebook codebook) {
    ReferenceRules.requireActor("speakerId", command.speakerId(), references);
    if (hasText(command.eventId())) {
      ReferenceRules.requireEvent("eventId", command.eventId(), references);
    }
    ReferenceRules.requireActors("targetIds", command.targetIds(), references);
    CitationRules.checkAll("citations", command.citations(), references);
    CitationRules.requireExcerpts("citations", command.citations());
    CodingRules.check(
        command.cameoCode(), command.weight(), command.weightOverrideReason(), codebook);
    checkTranslations(command.original(), command.translations());
    apply(
        new StatementRecorded(
            command.statementId(),
            command.speakerId(),
            hasText(command.eventId()) ? command.eventId() : null,
            command.targetIds(),
            command.saidAt(),
            command.stance(),
            command.cameoCode(),
            command.weight(),
            hasText(command.weightOverrideReason()) ? command.weightOverrideReason() : null,
            command.topics(),
            command.original(),
            command.translations(),
            command.citations()));
  }

  @CommandHandler
  public void handle(CorrectStatement command, References references, CameoCodebook codebook) {
    requireNotRetracted("corrected");
    String newSpeaker = differs(command.speakerId(), speakerId) ? command.speakerId() : null;
    String givenEvent = hasText(command.eventId()) ? command.eventId() : null;
    String newEvent = differs(givenEvent, eventId) ? givenEvent : null;
    List<String> newTargets =
        differsAsSet(command.targetIds(), targetIds) ? List.copyOf(command.targetIds()) : null;
    EventTime newSaidAt = differs(command.saidAt(), saidAt) ? command.saidAt() : null;
    Stance newStance = differs(command.stance(), stance) ? command.stance() : null;
    String newCode = differs(command.cameoCode(), cameoCode) ? command.cameoCode() : null;
    Weight newWeight = differs(command.weight(), weight) ? command.weight() : null;
    String givenOverride =
        hasText(command.weightOverrideReason()) ? command.weightOverrideReason() : null;
    String newOverride = differs(givenOverride, weightOverrideReason) ? givenOverride : null;
    List<String> newTopics =
        differsAsSet(command.topics(), topics) ? List.copyOf(command.topics()) : null;
    LocalizedText newOriginal = differs(command.original(), original) ? command.original() : null;

    List<String> changed = new ArrayList<>();
    addIf(changed, newSpeaker, "speakerId");
    addIf(changed, newEvent, "eventId");
    addIf(changed, newTargets, "targetIds");
    addIf(changed, newSaidAt, "saidAt");
    addIf(changed, newStance, "stance");
    addIf(changed, newCode, "cameoCode");
    addIf(changed, newWeight, "weight");
    addIf(changed, newOverride, "weightOverrideReason");
    addIf(changed, newTopics, "topics");
    addIf(changed, newOriginal, "original");
    if (changed.isEmpty()) {
      throw Changes.nothingChanged("correction");
    }

    if (newSpeaker != null) {
      ReferenceRules.requireActor("speakerId", newSpeaker, references);
    }
    if (newEvent != null) {
      ReferenceRules.requireEvent("eventId", newEvent, references);
    }
    if (newTargets != null) {
      ReferenceRules.requireActors("targetIds", newTargets, references);
    }
    if (newCode != null || newWeight != null || newOverride != null) {
      CodingRules.check(
          newCode != null ? newCode : cameoCode,
          newWeight != null ? newWeight : weight,
          newOverride != null ? newOverride : weightOverrideReason,
          codebook);
    }
    if (newOriginal != null && translatedInto.contains(languageKey(newOriginal))) {
      throw new RuleViolationException(
          "original.language",
          "the statement already has a translation into '" + newOriginal.language() + "'");
    }
    apply(
        new StatementCorrected(
            statementId,
            List.copyOf(changed),
            newSpeaker,
            newEvent,
            newTargets,
            newSaidAt,
            newStance,
            newCode,
            newWeight,
            newOverride,
            newTopics,
            newOriginal,
            command.reason()));
  }

  @CommandHandler
  public void handle(AddTranslation command) {
    requireNotRetracted("translated");
    LocalizedText translation = command.translation();
    if (translation == null) {
      throw new RuleViolationException("translation", "a translation is required");
    }
    if (languageKey(translation).equals(languageKey(original))) {
      throw new RuleViolationException(
          "translation.language",
          "the statement was made in '" + original.language() + "'; translate it into another");
    }
    if (translatedInto.contains(languageKey(translation))) {
      throw new WrongStateException(
          "translation.language",
          "the statement already has a translation into '" + translation.language() + "'");
    }
    apply(new TranslationAdded(statementId, translation, command.translator()));
  }

  @CommandHandler
  public void handle(CiteSource command, References references) {
    requireNotRetracted("cited again");
    CitationRules.check("citation", command.citation(), references);
    CitationRules.requireExcerpt("citation", command.citation());
    if (cited.contains(CitationRules.Key.of(command.citation()))) {
      throw new WrongStateException(
          "citation", "the statement already cites this source with this excerpt");
    }
    apply(new SourceCited(statementId, command.citation()));
  }

  @CommandHandler
  public void handle(RetractStatement command) {
    requireNotRetracted("retracted again");
    apply(new StatementRetracted(statementId, command.reason()));
  }

  private void requireNotRetracted(String toBe) {
    if (retracted) {
      throw new WrongStateException(
          "statementId", "the statement was retracted and cannot be " + toBe);
    }
  }

  /** The original and its translations are in different languages, one translation each. */
  private static void checkTranslations(LocalizedText original, List<LocalizedText> translations) {
    Set<String> languages = new HashSet<>();
    if (original != null) {
      languages.add(languageKey(original));
    }
    for (int i = 0; i < translations.size(); i++) {
      String at = "translations[" + i + "]";
      LocalizedText translation = translations.get(i);
      if (translation == null) {
        throw new RuleViolationException(at, "a translation is required");
      }
      if (original != null && languageKey(translation).equals(languageKey(original))) {
        throw new RuleViolationException(
            at + ".language", "a translation cannot be in the original's language");
      }
      if (!languages.add(languageKey(translation))) {
        throw new RuleViolationException(
            at + ".language", "a second translation into '" + translation.language() + "'");
      }
    }
  }

  /** BCP 47 tags compare case-insensitively: "en-GB" and "en-gb" are one language. */
  private static String languageKey(LocalizedText text) {
    return text.language() == null ? "" : text.language().toLowerCase(Locale.ROOT);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  private static void addIf(List<String> changed, Object newValue, String field) {
    if (newValue != null) {
      changed.add(field);
    }
  }

  @EventSourcingHandler
  void on(StatementRecorded event) {
    statementId = event.statementId();
    speakerId = event.speakerId();
    eventId = event.eventId();
    targetIds = event.targetIds();
    saidAt = event.saidAt();
    stance = event.stance();
    cameoCode = event.cameoCode();
    weight = event.weight();
    weightOverrideReason = event.weightOverrideReason();
    topics = event.topics();
    original = event.original();
    translatedInto = new HashSet<>();
    if (event.translations() != null) {
      event.translations().forEach(t -> translatedInto.add(languageKey(t)));
    }
    cited = new HashSet<>();
    if (event.citations() != null) {
      event.citations().forEach(c -> cited.add(CitationRules.Key.of(c)));
    }
  }

  @EventSourcingHandler
  void on(StatementCorrected event) {
    if (event.speakerId() != null) {
      speakerId = event.speakerId();
    }
    if (event.eventId() != null) {
      eventId = event.eventId();
    }
    if (event.targetIds() != null) {
      targetIds = event.targetIds();
    }
    if (event.saidAt() != null) {
      saidAt = event.saidAt();
    }
    if (event.stance() != null) {
      stance = event.stance();
    }
    if (event.cameoCode() != null) {
      cameoCode = event.cameoCode();
    }
    if (event.weight() != null) {
      weight = event.weight();
    }
    if (event.weightOverrideReason() != null) {
      weightOverrideReason = event.weightOverrideReason();
    }
    if (event.topics() != null) {
      topics = event.topics();
    }
    if (event.original() != null) {
      original = event.original();
    }
  }

  @EventSourcingHandler
  void on(TranslationAdded event) {
    translatedInto.add(languageKey(event.translation()));
  }

  @EventSourcingHandler
  void on(SourceCited event) {
    cited.add(CitationRules.Key.of(event.citation()));
  }

  @EventSourcingHandler
  void on(StatementRetracted event) {
    retracted = true;
  }
}
