package org.entente.timeline.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.common.LocalizedText;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.event.EventStatus;
import org.entente.api.source.SourceRegistered;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.entente.api.statement.TranslationAdded;
import org.entente.timeline.timeline.SlotWriter.CurrentVersion;
import org.entente.timeline.timeline.VersionNote.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds events into timeline rows, one event at a time. Pure logic over {@link FactRows}: no Axon,
 * no Spring, so the same code runs live, in a rebuild and in tests.
 *
 * <p>Idempotent: an entry remembers the position of the event that made its current version, and an
 * event at or before that position was already applied. Events of one aggregate arrive in order
 * (the processor's sequencing policy is per aggregate), so this check is exact.
 */
public class TimelineProjector {

  private static final Logger log = LoggerFactory.getLogger(TimelineProjector.class);
  private static final int TITLE_LENGTH = 120;

  /** Compiled once: {@code String.replaceAll} compiled it for every statement. */
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  public void apply(RecordedEvent event, FactRows rows) {
    Object payload = event.payload();
    long position = event.position();
    Instant at = event.recordedAt();
    if (payload instanceof ActorRegistered e) {
      rows.putActor(e.actorId(), e.kind(), e.name(), e.aliases(), e.externalIds(), at, position);
    } else if (payload instanceof RoleAssigned e) {
      rows.addRole(
          event.eventId(), position, e.actorId(), e.title(), e.atActorId(), e.from(), e.to(), at);
    } else if (payload instanceof MembershipRecorded e) {
      rows.addMembership(event.eventId(), position, e.actorId(), e.groupId(), e.from(), e.to(), at);
    } else if (payload instanceof SourceRegistered e) {
      rows.putSource(
          e.sourceId(),
          e.publisher(),
          e.url(),
          e.title(),
          e.publishedAt(),
          e.language(),
          at,
          position);
    } else if (payload instanceof DiplomaticEventRecorded e) {
      record(event, rows, eventDoc(e));
    } else if (payload instanceof DiplomaticEventAmended e) {
      change(event, rows, e.eventId(), Change.AMENDED, e.changed(), e.reason(), d -> amend(d, e));
    } else if (payload instanceof DiplomaticEventHeld e) {
      change(
          event,
          rows,
          e.eventId(),
          Change.HELD,
          e.time() == null ? List.of("status") : List.of("status", "time"),
          null,
          d -> {
            d.status = EventStatus.TOOK_PLACE;
            if (e.time() != null) {
              d.time = e.time();
            }
          });
    } else if (payload instanceof DiplomaticEventCancelled e) {
      change(
          event,
          rows,
          e.eventId(),
          Change.CANCELLED,
          List.of("status"),
          e.reason(),
          d -> {
            d.status = EventStatus.CANCELLED;
            d.cancellationReason = e.reason();
          });
    } else if (payload instanceof DiplomaticEventRetracted e) {
      change(
          event,
          rows,
          e.eventId(),
          Change.RETRACTED,
          List.of(),
          e.reason(),
          d -> retract(d, e.reason()));
    } else if (payload instanceof StatementRecorded e) {
      record(event, rows, statementDoc(e));
    } else if (payload instanceof StatementCorrected e) {
      change(
          event,
          rows,
          e.statementId(),
          Change.CORRECTED,
          e.changed(),
          e.reason(),
          d -> correct(d, e));
    } else if (payload instanceof StatementRetracted e) {
      change(
          event,
          rows,
          e.statementId(),
          Change.RETRACTED,
          List.of(),
          e.reason(),
          d -> retract(d, e.reason()));
    } else if (payload instanceof TranslationAdded e) {
      change(
          event,
          rows,
          e.statementId(),
          Change.TRANSLATION_ADDED,
          List.of("translations"),
          null,
          d ->
              d.translations.add(
                  new Translation(
                      e.translation().language(), e.translation().text(), e.translator())));
    } else if (payload instanceof SourceCited e) {
      change(
          event,
          rows,
          e.statementId(),
          Change.SOURCE_CITED,
          List.of("citations"),
          null,
          d -> d.citations.add(e.citation()));
    }
  }

  /**
   * The timeline entry an event records or changes (its current version is read when the event is
   * applied), or empty for events that make no entry version.
   */
  public static Optional<String> entryOf(Object payload) {
    String entryId = null;
    if (payload instanceof DiplomaticEventRecorded e) {
      entryId = e.eventId();
    } else if (payload instanceof DiplomaticEventAmended e) {
      entryId = e.eventId();
    } else if (payload instanceof DiplomaticEventHeld e) {
      entryId = e.eventId();
    } else if (payload instanceof DiplomaticEventCancelled e) {
      entryId = e.eventId();
    } else if (payload instanceof DiplomaticEventRetracted e) {
      entryId = e.eventId();
    } else if (payload instanceof StatementRecorded e) {
      entryId = e.statementId();
    } else if (payload instanceof StatementCorrected e) {
      entryId = e.statementId();
    } else if (payload instanceof StatementRetracted e) {
      entryId = e.statementId();
    } else if (payload instanceof TranslationAdded e) {
      entryId = e.statementId();
    } else if (payload instanceof SourceCited e) {
      entryId = e.statementId();
    }
    return Optional.ofNullable(entryId);
  }

  private void record(RecordedEvent event, FactRows rows, EntryDoc doc) {
    if (rows.current(doc.entryId).isPresent()) {
      return; // already applied
    }
    doc.versions.add(
        new VersionNote(1, Change.RECORDED, event.recordedAt(), event.position(), List.of(), null));
    rows.append(doc, event.recordedAt(), event.position());
  }

  private void change(
      RecordedEvent event,
      FactRows rows,
      String entryId,
      Change change,
      List<String> changed,
      String reason,
      Consumer<EntryDoc> mutation) {
    Optional<CurrentVersion> found = rows.current(entryId);
    if (found.isEmpty()) {
      log.warn(
          "{} for unknown timeline entry {} at position {}", change, entryId, event.position());
      return;
    }
    CurrentVersion current = found.get();
    if (current.position() >= event.position()) {
      return; // already applied
    }
    EntryDoc doc = current.doc();
    mutation.accept(doc);
    // Record time never runs backwards within an entry, even if clocks of writers disagree.
    Instant recordedFrom =
        event.recordedAt().isBefore(current.recordedFrom())
            ? current.recordedFrom()
            : event.recordedAt();
    doc.versions.add(
        new VersionNote(
            current.version() + 1,
            change,
            recordedFrom,
            event.position(),
            changed == null ? List.of() : List.copyOf(changed),
            reason));
    rows.append(doc, recordedFrom, event.position());
  }

  private static EntryDoc eventDoc(DiplomaticEventRecorded e) {
    EntryDoc doc = new EntryDoc();
    doc.entryId = e.eventId();
    doc.entryType = EntryType.EVENT;
    doc.kind = e.kind().name();
    doc.title = e.title();
    doc.time = e.time();
    doc.location = e.location();
    doc.status = e.status();
    doc.participants = listOf(e.participants());
    doc.citations = listOf(e.sources());
    return doc;
  }

  private static void amend(EntryDoc doc, DiplomaticEventAmended e) {
    List<String> changed = e.changed() == null ? List.of() : e.changed();
    if (changed.contains("kind") || e.kind() != null) {
      doc.kind = e.kind() == null ? doc.kind : e.kind().name();
    }
    if (changed.contains("title") || e.title() != null) {
      doc.title = e.title() == null ? doc.title : e.title();
    }
    if (e.time() != null) {
      doc.time = e.time();
    }
    if (changed.contains("location") || e.location() != null) {
      doc.location = e.location();
    }
    if (e.participants() != null) {
      doc.participants = listOf(e.participants());
    }
    if (e.sources() != null) {
      doc.citations = listOf(e.sources());
    }
    doc.corrected = true;
  }

  private static EntryDoc statementDoc(StatementRecorded e) {
    EntryDoc doc = new EntryDoc();
    doc.entryId = e.statementId();
    doc.entryType = EntryType.STATEMENT;
    doc.kind = EntryType.STATEMENT.name();
    doc.speakerId = e.speakerId();
    doc.eventId = e.eventId();
    doc.targetIds = listOf(e.targetIds());
    doc.time = e.saidAt();
    doc.stance = e.stance();
    doc.cameoCode = e.cameoCode();
    doc.weight = e.weight();
    doc.weightOverrideReason = e.weightOverrideReason();
    doc.topics = listOf(e.topics());
    doc.original = e.original();
    doc.title = title(e.original());
    if (e.translations() != null) {
      e.translations()
          .forEach(t -> doc.translations.add(new Translation(t.language(), t.text(), null)));
    }
    doc.citations = listOf(e.citations());
    return doc;
  }

  /**
   * Applies a correction as the Statement aggregate does: a field the event carries (non-null) is
   * the new value, a null field is unchanged. The aggregate never clears a field, so neither does
   * any view.
   */
  static void correct(EntryDoc doc, StatementCorrected e) {
    if (e.speakerId() != null) {
      doc.speakerId = e.speakerId();
    }
    if (e.eventId() != null) {
      doc.eventId = e.eventId();
    }
    if (e.targetIds() != null) {
      doc.targetIds = listOf(e.targetIds());
    }
    if (e.saidAt() != null) {
      doc.time = e.saidAt();
    }
    if (e.stance() != null) {
      doc.stance = e.stance();
    }
    if (e.cameoCode() != null) {
      doc.cameoCode = e.cameoCode();
    }
    if (e.weight() != null) {
      doc.weight = e.weight();
    }
    if (e.weightOverrideReason() != null) {
      doc.weightOverrideReason = e.weightOverrideReason();
    }
    if (e.topics() != null) {
      doc.topics = listOf(e.topics());
    }
    if (e.original() != null) {
      doc.original = e.original();
      doc.title = title(e.original());
    }
    doc.corrected = true;
  }

  private static void retract(EntryDoc doc, String reason) {
    doc.retracted = true;
    doc.retractionReason = reason;
  }

  private static String title(LocalizedText original) {
    if (original == null || original.text() == null) {
      return null;
    }
    String text = WHITESPACE.matcher(original.text().strip()).replaceAll(" ");
    return text.length() <= TITLE_LENGTH ? text : text.substring(0, TITLE_LENGTH - 1) + "…";
  }

  private static <T> List<T> listOf(List<T> values) {
    return values == null ? new ArrayList<>() : new ArrayList<>(values);
  }
}
