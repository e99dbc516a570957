package org.entente.timeline.lookup;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.statement.Stance;
import org.entente.timeline.timeline.EntryDoc;
import org.entente.timeline.timeline.EntryType;
import org.entente.timeline.timeline.Translation;
import org.entente.timeline.timeline.VersionNote;

/**
 * A diplomatic event or a statement as known in a snapshot: its current state, every version known
 * then with its record-time interval and state, and where to read more.
 */
@Schema(
    description = "A diplomatic event or statement as known at asOf (record time; now if absent)")
public record EntryView(
    String id,
    EntryType type,
    @Schema(description = "The version current at asOf") int version,
    @Schema(description = "When the current version was recorded") Instant recordedAt,
    State state,
    @Schema(description = "Versions known at asOf, oldest first") List<Version> versions,
    Instant asOf,
    Links links) {

  /**
   * The fields of an entry in one version. Events fill kind … participants, statements speakerId …
   * translations; both have citations and the correction/retraction flags.
   */
  public record State(
      String kind,
      String title,
      EventTime time,
      String location,
      EventStatus status,
      List<Participant> participants,
      String speakerId,
      String eventId,
      List<String> targetIds,
      Stance stance,
      String cameoCode,
      Weight weight,
      String weightOverrideReason,
      List<String> topics,
      LocalizedText original,
      List<Translation> translations,
      List<Citation> citations,
      boolean corrected,
      boolean retracted,
      String retractionReason,
      String cancellationReason) {

    static State of(EntryDoc doc) {
      boolean statement = doc.entryType == EntryType.STATEMENT;
      return new State(
          doc.kind,
          doc.title,
          doc.time,
          doc.location,
          doc.status,
          statement ? null : List.copyOf(doc.participants),
          doc.speakerId,
          doc.eventId,
          statement ? List.copyOf(doc.targetIds) : null,
          doc.stance,
          doc.cameoCode,
          doc.weight,
          doc.weightOverrideReason,
          statement ? List.copyOf(doc.topics) : null,
          doc.original,
          statement ? List.copyOf(doc.translations) : null,
          List.copyOf(doc.citations),
          doc.corrected,
          doc.retracted,
          doc.retractionReason,
          doc.cancellationReason);
    }
  }

  /** One version: what changed, why, its record-time interval [recordedFrom, recordedTo). */
  public record Version(
      int version,
      VersionNote.Change change,
      List<String> changed,
      String reason,
      Instant recordedFrom,
      @Schema(description = "Null while current (as known at asOf)") Instant recordedTo,
      long position,
      State state) {}

  /** Where to read more about the entry. */
  public record Links(
      String self,
      @Schema(description = "Its stored events") String stream,
      @Schema(description = "Its events in the history (NDJSON)") String history,
      @Schema(description = "The diplomatic event a statement was made at") String event,
      @Schema(description = "The timelines of the actors it concerns") List<String> timelines,
      @Schema(description = "The sources it cites") List<String> sources) {}
}
