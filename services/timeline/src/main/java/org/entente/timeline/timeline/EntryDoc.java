package org.entente.timeline.timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.entente.api.common.AttributionGrade;
import org.entente.api.common.Citation;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventStatus;
import org.entente.api.event.Participant;
import org.entente.api.statement.Stance;

/**
 * One version of a timeline entry as stored (the {@code doc} column): everything known of a
 * diplomatic event or a statement at that version, including the history of versions up to it.
 * Mutable only while the projector builds the next version from the previous one.
 */
public class EntryDoc {

  public String entryId;
  public EntryType entryType;

  /** The event kind (SPEECH, DINNER, ...) for events; STATEMENT for statements. */
  public String kind;

  public String title;
  public EventTime time;

  // diplomatic events
  public String location;
  public EventStatus status;
  public List<Participant> participants = new ArrayList<>();

  // statements
  public String speakerId;
  public String eventId;
  public List<String> targetIds = new ArrayList<>();
  public Stance stance;
  public String cameoCode;
  public Weight weight;
  public String weightOverrideReason;
  public List<String> topics = new ArrayList<>();
  public LocalizedText original;
  public List<Translation> translations = new ArrayList<>();

  // both
  public List<Citation> citations = new ArrayList<>();
  public boolean corrected;
  public boolean retracted;
  public String retractionReason;
  public String cancellationReason;
  public List<VersionNote> versions = new ArrayList<>();

  /** The version this document is, i.e. the last note of its history. */
  public int version() {
    return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
  }

  /** The strongest attribution among the cited sources (lowest ordinal), or null if none. */
  public Integer bestGrade() {
    return citations.stream()
        .map(Citation::grade)
        .filter(grade -> grade != null)
        .map(AttributionGrade::ordinal)
        .min(Integer::compare)
        .orElse(null);
  }

  /** The actors this version concerns and how; the rows of {@code tl_entry_actor}. */
  public Set<ActorLink> actorLinks() {
    Set<ActorLink> links = new LinkedHashSet<>();
    if (entryType == EntryType.STATEMENT) {
      if (speakerId != null) {
        links.add(new ActorLink(speakerId, ActorRole.SPEAKER));
      }
      targetIds.forEach(target -> links.add(new ActorLink(target, ActorRole.TARGET)));
    } else {
      participants.forEach(p -> links.add(new ActorLink(p.actorId(), ActorRole.PARTICIPANT)));
    }
    return links;
  }

  /** An actor's part in an entry version. */
  public record ActorLink(String actorId, ActorRole role) {}
}
