package org.entente.timeline.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.timeline.SlotWriter.ActorRow;
import org.entente.timeline.timeline.SlotWriter.Closing;
import org.entente.timeline.timeline.SlotWriter.CurrentVersion;
import org.entente.timeline.timeline.SlotWriter.MembershipRow;
import org.entente.timeline.timeline.SlotWriter.RoleRow;
import org.entente.timeline.timeline.SlotWriter.SourceRow;
import org.entente.timeline.timeline.SlotWriter.VersionRow;

/**
 * The rows of one processor batch, held until the batch's unit of work prepares to commit and then
 * written with a few JDBC batches and set-based statements, in the transaction that also stores the
 * token. The entries changed in the batch are answered from the buffer ({@link #current}), so an
 * entry recorded and corrected in one batch gets both versions. Page rows depend only on which
 * versions, memberships and roles exist, not on the order they were written in, so writing them
 * grouped by table gives the rows event-by-event writing gives.
 */
public class BufferedRows implements FactRows {

  private final SlotWriter store;
  private final List<ActorRow> actors = new ArrayList<>();
  private final List<SourceRow> sources = new ArrayList<>();
  private final List<RoleRow> roles = new ArrayList<>();
  private final List<MembershipRow> memberships = new ArrayList<>();
  private final Map<String, VersionRow> versions = new LinkedHashMap<>();
  private final List<Closing> closings = new ArrayList<>();
  private final Map<String, CurrentVersion> current = new HashMap<>();

  /** Stored current versions read ahead for the batch (absent: known not to exist). */
  private final Map<String, Optional<CurrentVersion>> stored = new HashMap<>();

  BufferedRows(SlotWriter store) {
    this.store = store;
  }

  @Override
  public void putActor(
      String actorId,
      ActorKind kind,
      String name,
      List<String> aliases,
      Map<String, String> externalIds,
      Instant at,
      long position) {
    actors.add(ActorRow.of(actorId, kind, name, aliases, externalIds, at, position));
  }

  @Override
  public void addRole(
      String eventId,
      long position,
      String actorId,
      String title,
      String atActorId,
      LocalDate from,
      LocalDate to,
      Instant at) {
    roles.add(new RoleRow(eventId, position, actorId, title, atActorId, from, to, at));
  }

  @Override
  public void addMembership(
      String eventId,
      long position,
      String actorId,
      String groupId,
      LocalDate from,
      LocalDate to,
      Instant at) {
    memberships.add(new MembershipRow(eventId, position, actorId, groupId, from, to, at));
  }

  @Override
  public void putSource(
      String sourceId,
      String publisher,
      String url,
      String title,
      Instant publishedAt,
      String language,
      Instant at,
      long position) {
    sources.add(
        new SourceRow(sourceId, publisher, url, title, publishedAt, language, at, position));
  }

  @Override
  public Optional<CurrentVersion> current(String entryId) {
    CurrentVersion buffered = current.get(entryId);
    if (buffered != null) {
      // a copy (read from the version's JSON, already written): the projector changes the
      // document it gets into the next version
      return Optional.of(
          new CurrentVersion(
              buffered.version(),
              buffered.recordedFrom(),
              buffered.position(),
              store.read(versions.get(key(entryId, buffered.version())).json())));
    }
    Optional<CurrentVersion> readAhead = stored.get(entryId);
    if (readAhead != null) {
      if (readAhead.isPresent()) {
        // used once: the projector changes the document it gets; a second look reads it again
        stored.remove(entryId);
      }
      return readAhead;
    }
    return store.current(entryId);
  }

  /**
   * Reads the stored current versions of the entries the batch's events touch in one query, so
   * handling an event does not cost a query. Only entries not yet changed in this buffer.
   */
  public void readAhead(Collection<String> entryIds) {
    List<String> unknown =
        entryIds.stream()
            .filter(id -> !current.containsKey(id) && !stored.containsKey(id))
            .distinct()
            .toList();
    Map<String, CurrentVersion> found = store.current(unknown);
    for (String id : unknown) {
      stored.put(id, Optional.ofNullable(found.get(id)));
    }
  }

  @Override
  public void append(EntryDoc doc, Instant recordedFrom, long position) {
    VersionRow row = store.versionRow(doc, recordedFrom, position);
    if (row.version() > 1) {
      String previous = key(doc.entryId, row.version() - 1);
      VersionRow pending = versions.get(previous);
      if (pending != null) {
        versions.put(previous, pending.closedAt(recordedFrom, position));
      } else {
        closings.add(new Closing(doc.entryId, row.version() - 1, recordedFrom, position));
      }
    }
    versions.put(key(doc.entryId, row.version()), row);
    current.put(doc.entryId, new CurrentVersion(row.version(), recordedFrom, position, doc));
  }

  /**
   * The entries and actors the held rows name (call before {@link #flush}): what the batch may have
   * changed for a {@link org.entente.timeline.facts.FactBatchListener}.
   */
  public Touched touched() {
    java.util.Set<String> actorIds = new java.util.HashSet<>();
    actors.forEach(a -> actorIds.add(a.actorId()));
    roles.forEach(r -> actorIds.addAll(List.of(r.actorId(), r.atActorId())));
    memberships.forEach(m -> actorIds.addAll(List.of(m.actorId(), m.groupId())));
    return new Touched(java.util.Set.copyOf(current.keySet()), actorIds);
  }

  /** Entries changed and actors named by one batch. */
  public record Touched(java.util.Set<String> entryIds, java.util.Set<String> actorIds) {}

  /** Writes everything held, then forgets it. */
  public void flush() {
    if (actors.isEmpty()
        && sources.isEmpty()
        && roles.isEmpty()
        && memberships.isEmpty()
        && versions.isEmpty()
        && closings.isEmpty()) {
      return;
    }
    store.lockForBatch();
    store.writeActors(actors);
    store.writeSources(sources);
    store.writeMemberships(memberships);
    store.writeRoles(roles);
    store.writeVersions(List.copyOf(versions.values()), closings);
    actors.clear();
    sources.clear();
    roles.clear();
    memberships.clear();
    versions.clear();
    closings.clear();
    current.clear();
    stored.clear();
  }

  private static String key(String entryId, int version) {
    return entryId + '\u0000' + version;
  }
}
