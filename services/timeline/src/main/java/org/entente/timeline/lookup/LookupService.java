package org.entente.timeline.lookup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.facts.SnapshotReads;
import org.entente.timeline.lookup.LookupRepository.ActorRow;
import org.entente.timeline.lookup.LookupRepository.SourceRow;
import org.entente.timeline.lookup.LookupRepository.VersionRow;
import org.entente.timeline.timeline.EntryDoc;
import org.entente.timeline.timeline.EntryType;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineSlots;
import org.entente.timeline.timeline.VersionNote;
import org.entente.timeline.web.UnknownResourceException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Reads actors, diplomatic events, statements and sources from the fact store, in the same snapshot
 * a timeline page reads: the live slot, up to the position its processor has fully handled, and up
 * to {@code asOf} in record time. Each answer is read in one REPEATABLE READ transaction whose
 * first statement reads the live slot, so a rebuild's switch is seen whole or not at all.
 */
@Service
public class LookupService {

  private final TimelineSlots slots;
  private final ProcessorPositions positions;
  private final LookupRepository repository;
  private final SnapshotReads snapshots;

  public LookupService(
      TimelineSlots slots,
      ProcessorPositions positions,
      LookupRepository repository,
      SnapshotReads snapshots) {
    this.slots = slots;
    this.positions = positions;
    this.repository = repository;
    this.snapshots = snapshots;
  }

  /** One page of actors matching {@code q} (null for all) and {@code kind} (null for any). */
  public ActorPage findActors(
      String q, ActorKind kind, Instant asOf, ActorCursor cursor, int limit) {
    String kindName = kind == null ? null : kind.name();
    return read(
        cursor == null ? null : cursor.snapshot(),
        asOf,
        (slot, snapshot) -> {
          List<ActorRow> rows =
              repository.findActors(
                  slot, snapshot, q, kindName, cursor == null ? null : cursor.after(), limit + 1);
          List<ActorSummary> items = new ArrayList<>();
          for (ActorRow row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(
                new ActorSummary(
                    row.id(),
                    row.kind(),
                    row.name(),
                    row.aliases(),
                    row.externalIds(),
                    new ActorSummary.Links(
                        actorPath(row.id()), actorPath(row.id()) + "/timeline")));
          }
          String next = null;
          if (rows.size() > limit) {
            ActorRow last = rows.get(limit - 1);
            next =
                new ActorCursor(
                        snapshot.position(),
                        asOf,
                        q,
                        kindName,
                        new ActorCursor.After(last.sortName(), last.id()))
                    .encode();
          }
          return new ActorPage(items, next, asOf);
        });
  }

  public ActorView actor(String id, Instant asOf) {
    return read(
        null,
        asOf,
        (slot, snapshot) -> {
          ActorRow row = lookable(id) ? repository.actor(slot, snapshot, id).orElse(null) : null;
          if (row == null) {
            throw new UnknownResourceException("id", id, "actor");
          }
          var roles = repository.roles(slot, snapshot, id, false);
          var officials = repository.roles(slot, snapshot, id, true);
          var memberships = repository.memberships(slot, snapshot, id, false);
          var members = repository.memberships(slot, snapshot, id, true);
          List<ActorView.Version> facts = new ArrayList<>();
          facts.add(new ActorView.Version(0, "REGISTERED", row.recordedAt(), row.position()));
          roles.forEach(
              r -> facts.add(new ActorView.Version(0, "ROLE", r.recordedAt(), r.position())));
          memberships.forEach(
              m -> facts.add(new ActorView.Version(0, "MEMBERSHIP", m.recordedAt(), m.position())));
          facts.sort(Comparator.comparingLong(ActorView.Version::position));
          List<ActorView.Version> versions = new ArrayList<>();
          for (ActorView.Version fact : facts) {
            versions.add(
                new ActorView.Version(
                    versions.size() + 1, fact.change(), fact.recordedAt(), fact.position()));
          }
          String self = actorPath(id);
          boolean person = ActorKind.PERSON.name().equals(row.kind());
          return new ActorView(
              row.id(),
              row.kind(),
              row.name(),
              row.aliases(),
              row.externalIds(),
              row.recordedAt(),
              row.position(),
              roles,
              officials,
              memberships,
              members,
              versions,
              asOf,
              new ActorView.Links(
                  self,
                  streamPath(id),
                  historyPath(id),
                  self + "/timeline",
                  person ? null : "/api/groups/" + segment(id) + "/timeline",
                  members.isEmpty() ? null : "/api/groups/" + segment(id) + "/cohesion"));
        });
  }

  /** A statement or a diplomatic event (as {@code type} says), with its versions. */
  public EntryView entry(String id, EntryType type, Instant asOf) {
    return read(
        null,
        asOf,
        (slot, snapshot) -> {
          List<VersionRow> rows =
              lookable(id) ? repository.entryVersions(slot, snapshot, id, type) : List.of();
          if (rows.isEmpty()) {
            throw new UnknownResourceException(
                "id", id, type == EntryType.STATEMENT ? "statement" : "diplomatic event");
          }
          List<EntryView.Version> versions = new ArrayList<>();
          for (VersionRow row : rows) {
            VersionNote note = row.doc().versions.get(row.doc().versions.size() - 1);
            versions.add(
                new EntryView.Version(
                    row.version(),
                    note.change(),
                    note.changed(),
                    note.reason(),
                    row.recordedFrom(),
                    row.recordedTo(),
                    row.position(),
                    EntryView.State.of(row.doc())));
          }
          VersionRow current = rows.get(rows.size() - 1);
          EntryDoc doc = current.doc();
          return new EntryView(
              id,
              type,
              current.version(),
              current.recordedFrom(),
              EntryView.State.of(doc),
              versions,
              asOf,
              entryLinks(id, type, doc));
        });
  }

  public SourceView source(String id, Instant asOf) {
    return read(
        null,
        asOf,
        (slot, snapshot) -> {
          SourceRow row = lookable(id) ? repository.source(slot, snapshot, id).orElse(null) : null;
          if (row == null) {
            throw new UnknownResourceException("id", id, "source");
          }
          return new SourceView(
              row.id(),
              row.title(),
              row.publisher(),
              row.url(),
              row.publishedAt(),
              row.language(),
              row.recordedAt(),
              row.position(),
              List.of(
                  new SourceView.Version(1, "REGISTERED", row.recordedAt(), null, row.position())),
              asOf,
              new SourceView.Links("/api/sources/" + segment(id), streamPath(id), historyPath(id)));
        });
  }

  private EntryView.Links entryLinks(String id, EntryType type, EntryDoc doc) {
    Set<String> actors = new LinkedHashSet<>();
    doc.actorLinks().forEach(link -> actors.add(link.actorId()));
    Set<String> sources = new LinkedHashSet<>();
    doc.citations.forEach(citation -> sources.add(citation.sourceId()));
    return new EntryView.Links(
        (type == EntryType.STATEMENT ? "/api/statements/" : "/api/events/") + segment(id),
        streamPath(id),
        historyPath(id),
        doc.eventId == null ? null : "/api/events/" + segment(doc.eventId),
        actors.stream().map(actor -> actorPath(actor) + "/timeline").toList(),
        sources.stream().map(source -> "/api/sources/" + segment(source)).toList());
  }

  /**
   * Runs {@code read} in one snapshot: the given one (a cursor's), or the position the live slot
   * has fully handled now, with {@code asOf}.
   */
  private <T> T read(Snapshot pinned, Instant asOf, BiFunction<Slot, Snapshot, T> read) {
    return snapshots.read(
        () -> {
          Slot slot = slots.readLive();
          Snapshot snapshot =
              pinned != null
                  ? pinned
                  : new Snapshot(positions.safePosition(slot.processorName()), asOf);
          return read.apply(slot, snapshot);
        });
  }

  /** An id PostgreSQL cannot hold (NUL) names nothing on record. */
  private static boolean lookable(String id) {
    return id.indexOf('\u0000') < 0;
  }

  private static String actorPath(String id) {
    return "/api/actors/" + segment(id);
  }

  private static String streamPath(String id) {
    return "/api/streams/" + segment(id);
  }

  private static String historyPath(String id) {
    return "/api/history?aggregate=" + UriUtils.encodeQueryParam(id, "UTF-8");
  }

  private static String segment(String id) {
    return UriUtils.encodePathSegment(id, "UTF-8");
  }
}
