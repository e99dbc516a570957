package org.entente.recorder.statement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.entente.recorder.rules.Changes.differs;
import static org.entente.recorder.rules.Changes.differsAsSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.conflictresolution.ContextAwareConflictExceptionSupplier;
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
    CitationRules.requireExcerpts("citations", command.citations(), references);
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

  /**
   * Corrects the fields the command names, against the version it was made on ({@code
   * expectedVersion}, from If-Match or the body; the current version if absent). A field it
   * replaces that another correction changed since that version is a conflict (409 naming the
   * field); changes to other fields merge. Additions to and removals from topics and targets apply
   * to the current list and never conflict; the event carries the resulting full list.
   */
  @CommandHandler
  public void handle(
      CorrectStatement command,
      References references,
      CameoCodebook codebook,
      ConflictResolver conflicts) {
    requireNotRetracted("corrected");
    requireOneWayToChange(
        "targetIds", command.targetIds(), command.addTargetIds(), command.removeTargetIds());
    requireOneWayToChange("topics", command.topics(), command.addTopics(), command.removeTopics());
    requireNoConcurrentChange(command, conflicts);
    String newSpeaker = differs(command.speakerId(), speakerId) ? command.speakerId() : null;
    String givenEvent = hasText(command.eventId()) ? command.eventId() : null;
    String newEvent = differs(givenEvent, eventId) ? givenEvent : null;
    List<String> givenTargets =
        command.targetIds() != null
            ? command.targetIds()
            : edited(targetIds, command.addTargetIds(), command.removeTargetIds());
    List<String> newTargets =
        differsAsSet(givenTargets, targetIds) ? List.copyOf(givenTargets) : null;
    EventTime newSaidAt = differs(command.saidAt(), saidAt) ? command.saidAt() : null;
    Stance newStance = differs(command.stance(), stance) ? command.stance() : null;
    String newCode = differs(command.cameoCode(), cameoCode) ? command.cameoCode() : null;
    Weight newWeight = differs(command.weight(), weight) ? command.weight() : null;
    String givenOverride =
        hasText(command.weightOverrideReason()) ? command.weightOverrideReason() : null;
    String newOverride = differs(givenOverride, weightOverrideReason) ? givenOverride : null;
    List<String> givenTopics =
        command.topics() != null
            ? command.topics()
            : edited(topics, command.addTopics(), command.removeTopics());
    List<String> newTopics = differsAsSet(givenTopics, topics) ? List.copyOf(givenTopics) : null;
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
      if (command.targetIds() != null) {
        ReferenceRules.requireActors("targetIds", newTargets, references);
      } else if (command.addTargetIds() != null) {
        // The targets kept were checked when they became targets.
        ReferenceRules.requireActors("addTargetIds", command.addTargetIds(), references);
      }
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
    CitationRules.requireExcerpt("citation", command.citation(), references);
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

  /** A list is either replaced or edited, and an element is not both added and removed. */
  private static void requireOneWayToChange(
      String field, List<String> replacement, List<String> additions, List<String> removals) {
    if (replacement != null && (additions != null || removals != null)) {
      throw new RuleViolationException(
          field,
          "replace the list or add to and remove from it, not both (leave "
              + field
              + " out to edit the current list)");
    }
    if (additions != null && removals != null) {
      for (String element : additions) {
        if (removals.contains(element)) {
          throw new RuleViolationException(
              "remove" + capitalized(field), "'" + element + "' is both added and removed");
        }
      }
    }
  }

  /**
   * Refuses the correction if another correction changed a field this one replaces since the
   * version it was made on. Axon hands over the events appended since {@code expectedVersion} (none
   * without one); resolving them here lets the changes to other fields merge.
   */
  private static void requireNoConcurrentChange(
      CorrectStatement command, ConflictResolver conflicts) {
    Set<String> replaced = replacedFields(command);
    String[] conflicting = new String[1];
    conflicts.detectConflicts(
        events -> {
          for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof StatementCorrected other) {
              for (String field : other.changed()) {
                if (replaced.contains(field)) {
                  conflicting[0] = field;
                  return true;
                }
              }
            }
          }
          return false;
        },
        (ContextAwareConflictExceptionSupplier<RuntimeException>)
            conflict ->
                new WrongStateException(
                    conflicting[0],
                    "changed by another correction since version "
                        + conflict.expectedVersion()
                        + " (If-Match / expectedVersion), now at version "
                        + conflict.actualVersion()
                        + "; read the statement again and retry"));
  }

  /** The fields a correction sets outright (list edits are applied to the current list). */
  private static Set<String> replacedFields(CorrectStatement command) {
    Set<String> fields = new HashSet<>();
    addIf(fields, command.speakerId(), "speakerId");
    addIf(fields, hasText(command.eventId()) ? command.eventId() : null, "eventId");
    addIf(fields, command.targetIds(), "targetIds");
    addIf(fields, command.saidAt(), "saidAt");
    addIf(fields, command.stance(), "stance");
    addIf(fields, command.cameoCode(), "cameoCode");
    addIf(fields, command.weight(), "weight");
    addIf(
        fields,
        hasText(command.weightOverrideReason()) ? command.weightOverrideReason() : null,
        "weightOverrideReason");
    addIf(fields, command.topics(), "topics");
    addIf(fields, command.original(), "original");
    return fields;
  }

  /** The current list with the removals taken out and the additions appended; null if neither. */
  private static List<String> edited(
      List<String> current, List<String> additions, List<String> removals) {
    if (additions == null && removals == null) {
      return null;
    }
    List<String> result = new ArrayList<>(current == null ? List.of() : current);
    if (removals != null) {
      result.removeAll(removals);
    }
    if (additions != null) {
      for (String element : additions) {
        if (!result.contains(element)) {
          result.add(element);
        }
      }
    }
    return result;
  }

  private static String capitalized(String field) {
    return Character.toUpperCase(field.charAt(0)) + field.substring(1);
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

  private static void addIf(Collection<String> changed, Object newValue, String field) {
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
