package org.entente.timeline.timeline;

import java.time.Instant;
import java.util.List;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.EventTime;
import org.entente.api.common.Excerpt;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventStatus;
import org.entente.api.statement.Stance;
import org.entente.timeline.timeline.VersionNote.Change;

/**
 * One entry of a timeline as answered: a diplomatic event or a statement as known in the query's
 * snapshot, with names of actors and sources filled in.
 *
 * @param roles the queried actor's part in the entry (actor timelines only)
 * @param place where it happened: the event's location, or for a statement that of its event
 * @param event for a statement made at a diplomatic event: that event
 * @param participants for events the participants with their part; for statements the speaker (part
 *     SPEAKER) and the targets (part TARGET)
 * @param version the version shown; {@code versions} is its history up to that version
 * @param recordedAt when the shown version was recorded
 */
public record TimelineEntry(
    String entryId,
    EntryType entryType,
    String kind,
    String title,
    EventTime time,
    String place,
    List<ActorRole> roles,
    EventRef event,
    EventStatus status,
    List<ActorRef> participants,
    StatementView statement,
    List<SourceRef> sources,
    boolean corrected,
    boolean retracted,
    String retractionReason,
    String cancellationReason,
    int version,
    Instant recordedAt,
    List<VersionView> versions) {

  /** An actor named in an entry. */
  public record ActorRef(String actorId, String name, String kind, String part) {}

  /** The diplomatic event a statement was made at. */
  public record EventRef(String eventId, String title, String location) {}

  /** What was said, how it is coded, and in which languages. */
  public record StatementView(
      String speakerId,
      List<String> targetIds,
      Stance stance,
      String cameoCode,
      Weight weight,
      String weightOverrideReason,
      List<String> topics,
      LocalizedText original,
      List<Translation> translations) {}

  /** A cited source with the excerpt the entry rests on and how it is attributed. */
  public record SourceRef(
      String sourceId,
      String title,
      String publisher,
      String url,
      Instant publishedAt,
      AttributionGrade grade,
      Excerpt excerpt) {}

  /** One version in the entry's history, with the record-time interval it was current. */
  public record VersionView(
      int version,
      Change change,
      Instant recordedFrom,
      Instant recordedTo,
      long position,
      List<String> changed,
      String reason) {}
}
