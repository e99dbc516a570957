package org.entente.timeline.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.api.common.Citation;
import org.entente.api.event.Participant;
import org.entente.timeline.timeline.TimelineEntry.ActorRef;
import org.entente.timeline.timeline.TimelineEntry.EventRef;
import org.entente.timeline.timeline.TimelineEntry.SourceRef;
import org.entente.timeline.timeline.TimelineEntry.StatementView;
import org.entente.timeline.timeline.TimelineEntry.VersionView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads timelines from one slot in one snapshot. A version is visible when the event that made it
 * is in the snapshot and the event that superseded it (if any) is not; at most one version of an
 * entry is visible.
 */
@Repository
public class TimelineQueries {

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper mapper;

  public TimelineQueries(NamedParameterJdbcTemplate jdbc, TimelineDocuments documents) {
    this.jdbc = jdbc;
    this.mapper = documents.mapper();
  }

  /** The actor's kind, if the actor is known in this slot (whatever the snapshot). */
  public Optional<String> actorKind(Slot slot, String actorId) {
    return jdbc
        .queryForList(
            "select kind from tl_actor where slot = :slot and actor_id = :actor",
            Map.of("slot", slot.code(), "actor", actorId),
            String.class)
        .stream()
        .findFirst();
  }

  /**
   * Up to {@code limit} entries of the query's timeline, in (event time, entry id) order: an index
   * range scan over the page rows written for the actor or group (fan-out on write), from the
   * cursor on, joined to the entry versions visible in the snapshot.
   */
  public List<TimelineEntry> find(Slot slot, Snapshot snapshot, TimelineQuery query, int limit) {
    List<EntryDoc> docs =
        jdbc.query(
            pageSql(snapshot, query, "v.doc::text"),
            params(slot, snapshot, query, limit),
            (rs, n) -> read(rs.getString(1)));
    return render(
        slot, snapshot, docs, query.scope() == TimelineQuery.Scope.ACTOR ? query.actorId() : null);
  }

  /**
   * The given versions of entries as a timeline page shows them (for the live streams), keyed by
   * {@code entryId + "#" + version}; {@code perspectiveActorId} fills an actor timeline's roles.
   */
  public Map<String, TimelineEntry> versions(
      Slot slot, Collection<String> keys, String perspectiveActorId) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<Object[]> pairs = new ArrayList<>();
    for (String key : keys) {
      int hash = key.lastIndexOf('#');
      pairs.add(new Object[] {key.substring(0, hash), Integer.parseInt(key.substring(hash + 1))});
    }
    List<EntryDoc> docs =
        jdbc.query(
            "select v.doc::text from tl_entry_version v where v.slot = :slot"
                + " and (v.entry_id, v.version) in (:keys)",
            new MapSqlParameterSource().addValue("slot", slot.code()).addValue("keys", pairs),
            (rs, n) -> read(rs.getString(1)));
    Map<String, TimelineEntry> entries = new HashMap<>();
    for (TimelineEntry entry :
        render(slot, new Snapshot(Long.MAX_VALUE, null), docs, perspectiveActorId)) {
      entries.put(entry.entryId() + "#" + entry.version(), entry);
    }
    return entries;
  }

  /** The page query (for EXPLAIN in tests): {@code columns} of the visible versions of a page. */
  public String pageSql(Snapshot snapshot, TimelineQuery query, String columns) {
    MapSqlParameterSource ignored = new MapSqlParameterSource();
    StringBuilder sql = new StringBuilder();
    sql.append("select distinct on (p.event_time, p.entry_id) ")
        .append(columns)
        .append(" from tl_page_row p join tl_entry_version v on v.slot = p.slot")
        .append(" and v.entry_id = p.entry_id and v.version = p.version")
        .append(" where p.slot = :slot and p.owner_id = :actor and ");
    if (query.scope() == TimelineQuery.Scope.GROUP) {
      // a row a membership or role put there counts once that membership or role is known
      sql.append("(p.cause_position is null or (p.cause_position <= :position");
      if (snapshot.asOf() != null) {
        sql.append(" and p.cause_recorded_at <= :asOf");
      }
      sql.append("))");
    } else {
      sql.append("p.direct");
    }
    sql.append(" and ").append(visible("v", snapshot, ignored));
    if (query.role() != null) {
      sql.append(" and p.role = :role");
    }
    if (query.from() != null) {
      sql.append(
          query.from().inclusive() ? " and p.event_time >= :from" : " and p.event_time > :from");
    }
    if (query.to() != null) {
      sql.append(query.to().inclusive() ? " and p.event_time <= :to" : " and p.event_time < :to");
    }
    if (!query.kinds().isEmpty()) {
      sql.append(" and v.kind in (:kinds)");
    }
    if (query.topic() != null) {
      sql.append(" and :topic = any(v.topics)");
    }
    if (query.minGrade() != null) {
      sql.append(" and v.best_grade <= :grade");
    }
    if (query.after() != null) {
      sql.append(" and (p.event_time, p.entry_id) > (:afterTime, :afterId)");
    }
    sql.append(" order by p.event_time, p.entry_id limit :limit");
    return sql.toString();
  }

  /** The parameters of {@link #pageSql}. */
  public MapSqlParameterSource params(
      Slot slot, Snapshot snapshot, TimelineQuery query, int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    params.addValue("slot", slot.code());
    params.addValue("actor", query.actorId());
    params.addValue("limit", limit);
    params.addValue("position", snapshot.position());
    if (snapshot.asOf() != null) {
      params.addValue("asOf", SlotWriter.utc(snapshot.asOf()));
    }
    if (query.role() != null) {
      params.addValue("role", query.role().name());
    }
    if (query.from() != null) {
      params.addValue("from", SlotWriter.utc(query.from().at()));
    }
    if (query.to() != null) {
      params.addValue("to", SlotWriter.utc(query.to().at()));
    }
    if (!query.kinds().isEmpty()) {
      params.addValue("kinds", query.kinds());
    }
    if (query.topic() != null) {
      params.addValue("topic", query.topic());
    }
    if (query.minGrade() != null) {
      params.addValue("grade", query.minGrade().ordinal());
    }
    if (query.after() != null) {
      params.addValue("afterTime", SlotWriter.utc(query.after().eventTime()));
      params.addValue("afterId", query.after().entryId());
    }
    return params;
  }

  public static String visible(String alias, Snapshot snapshot, MapSqlParameterSource params) {
    params.addValue("position", snapshot.position());
    String v = alias + ".";
    if (snapshot.asOf() == null) {
      return "("
          + v
          + "recorded_from_position <= :position and ("
          + v
          + "recorded_to_position is null or "
          + v
          + "recorded_to_position > :position))";
    }
    params.addValue("asOf", SlotWriter.utc(snapshot.asOf()));
    return "("
        + v
        + "recorded_from_position <= :position and "
        + v
        + "recorded_from <= :asOf and ("
        + v
        + "recorded_to_position is null or "
        + v
        + "recorded_to_position > :position or "
        + v
        + "recorded_to > :asOf))";
  }

  private List<TimelineEntry> render(
      Slot slot, Snapshot snapshot, List<EntryDoc> docs, String perspectiveActorId) {
    if (docs.isEmpty()) {
      return List.of();
    }
    Set<String> actorIds = new LinkedHashSet<>();
    Set<String> sourceIds = new LinkedHashSet<>();
    Set<String> eventIds = new LinkedHashSet<>();
    for (EntryDoc doc : docs) {
      doc.actorLinks().forEach(link -> actorIds.add(link.actorId()));
      doc.citations.forEach(citation -> sourceIds.add(citation.sourceId()));
      if (doc.eventId != null) {
        eventIds.add(doc.eventId);
      }
    }
    Map<String, ActorRef> actors = actors(slot, actorIds);
    Map<String, SourceRef> sources = sources(slot, sourceIds);
    Map<String, EventRef> events = events(slot, snapshot, eventIds);
    List<TimelineEntry> entries = new ArrayList<>(docs.size());
    for (EntryDoc doc : docs) {
      entries.add(entry(doc, perspectiveActorId, actors, sources, events));
    }
    return entries;
  }

  private TimelineEntry entry(
      EntryDoc doc,
      String perspectiveActorId,
      Map<String, ActorRef> actors,
      Map<String, SourceRef> sources,
      Map<String, EventRef> events) {
    List<ActorRef> participants = new ArrayList<>();
    StatementView statement = null;
    EventRef event = null;
    String place = doc.location;
    if (doc.entryType == EntryType.STATEMENT) {
      if (doc.speakerId != null) {
        participants.add(actor(actors, doc.speakerId, ActorRole.SPEAKER.name()));
      }
      doc.targetIds.forEach(id -> participants.add(actor(actors, id, ActorRole.TARGET.name())));
      statement =
          new StatementView(
              doc.speakerId,
              List.copyOf(doc.targetIds),
              doc.stance,
              doc.cameoCode,
              doc.weight,
              doc.weightOverrideReason,
              List.copyOf(doc.topics),
              doc.original,
              List.copyOf(doc.translations));
      if (doc.eventId != null) {
        event = events.getOrDefault(doc.eventId, new EventRef(doc.eventId, null, null));
        place = event.location();
      }
    } else {
      for (Participant participant : doc.participants) {
        participants.add(actor(actors, participant.actorId(), participant.part().name()));
      }
    }
    List<SourceRef> cited = new ArrayList<>();
    for (Citation citation : doc.citations) {
      SourceRef source =
          sources.getOrDefault(
              citation.sourceId(),
              new SourceRef(citation.sourceId(), null, null, null, null, null, null));
      cited.add(
          new SourceRef(
              source.sourceId(),
              source.title(),
              source.publisher(),
              source.url(),
              source.publishedAt(),
              citation.grade(),
              citation.excerpt()));
    }
    List<ActorRole> roles = null;
    if (perspectiveActorId != null) {
      roles =
          doc.actorLinks().stream()
              .filter(link -> link.actorId().equals(perspectiveActorId))
              .map(EntryDoc.ActorLink::role)
              .distinct()
              .toList();
    }
    List<VersionView> versions = new ArrayList<>();
    for (int n = 0; n < doc.versions.size(); n++) {
      VersionNote note = doc.versions.get(n);
      VersionNote next = n + 1 < doc.versions.size() ? doc.versions.get(n + 1) : null;
      versions.add(
          new VersionView(
              note.version(),
              note.change(),
              note.recordedAt(),
              next == null ? null : next.recordedAt(),
              note.position(),
              note.changed(),
              note.reason()));
    }
    VersionNote last = doc.versions.get(doc.versions.size() - 1);
    return new TimelineEntry(
        doc.entryId,
        doc.entryType,
        doc.kind,
        doc.title,
        doc.time,
        place,
        roles,
        event,
        doc.status,
        participants,
        statement,
        cited,
        doc.corrected,
        doc.retracted,
        doc.retractionReason,
        doc.cancellationReason,
        last.version(),
        last.recordedAt(),
        versions);
  }

  private static ActorRef actor(Map<String, ActorRef> actors, String actorId, String part) {
    ActorRef known = actors.get(actorId);
    return new ActorRef(
        actorId, known == null ? null : known.name(), known == null ? null : known.kind(), part);
  }

  private Map<String, ActorRef> actors(Slot slot, Collection<String> ids) {
    Map<String, ActorRef> actors = new HashMap<>();
    if (ids.isEmpty()) {
      return actors;
    }
    jdbc.query(
        "select actor_id, name, kind from tl_actor where slot = :slot and actor_id in (:ids)",
        Map.of("slot", slot.code(), "ids", ids),
        rs -> {
          actors.put(
              rs.getString(1),
              new ActorRef(rs.getString(1), rs.getString(2), rs.getString(3), null));
        });
    return actors;
  }

  private Map<String, SourceRef> sources(Slot slot, Collection<String> ids) {
    Map<String, SourceRef> sources = new HashMap<>();
    if (ids.isEmpty()) {
      return sources;
    }
    jdbc.query(
        "select source_id, title, publisher, url, published_at from tl_source"
            + " where slot = :slot and source_id in (:ids)",
        Map.of("slot", slot.code(), "ids", ids),
        rs -> {
          sources.put(
              rs.getString(1),
              new SourceRef(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  instant(rs, 5),
                  null,
                  null));
        });
    return sources;
  }

  private Map<String, EventRef> events(Slot slot, Snapshot snapshot, Collection<String> ids) {
    Map<String, EventRef> events = new HashMap<>();
    if (ids.isEmpty()) {
      return events;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource().addValue("slot", slot.code()).addValue("ids", ids);
    jdbc.query(
        "select v.entry_id, v.doc->>'title', v.doc->>'location' from tl_entry_version v"
            + " where v.slot = :slot and v.entry_id in (:ids) and v.entry_type = 'EVENT' and "
            + visible("v", snapshot, params),
        params,
        rs -> {
          events.put(
              rs.getString(1), new EventRef(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
    return events;
  }

  private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private EntryDoc read(String json) {
    try {
      return mapper.readValue(json, EntryDoc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable timeline entry document", e);
    }
  }
}
