package org.entente.timeline.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.Citation;
import org.entente.api.common.Excerpt;
import org.entente.timeline.facts.FactRecords.Actor;
import org.entente.timeline.facts.FactRecords.Event;
import org.entente.timeline.facts.FactRecords.Membership;
import org.entente.timeline.facts.FactRecords.Role;
import org.entente.timeline.facts.FactRecords.Statement;
import org.entente.timeline.timeline.EntryDoc;
import org.entente.timeline.timeline.EntryType;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.SlotWriter;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Reads the fact store of one slot in one snapshot (no transaction of its own: {@link LiveFacts}
 * opens one on the live slot). Entry versions are visible by the timeline's own rule ({@link
 * TimelineQueries#visible}); memberships, roles and actors when the event that recorded them is in
 * the snapshot.
 */
public class FactReader {

  /**
   * Rows fetched per round trip when a group's statements or events are read: inside the snapshot's
   * transaction the driver then holds that many rows at a time, not every document of the group's
   * reach at once (at 100,000 events those, read by four requests together, filled the heap).
   */
  static final int FETCH_SIZE = 500;

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final ObjectMapper mapper;

  /** The last memberships or roles read, per table and slot, with the version they were read at. */
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String version, List<?> rows) {}

  public FactReader(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    // its own template on the same data source: the same transaction, another fetch size
    JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    fetching.setFetchSize(FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(fetching);
  }

  /** The facts of {@code slot} as known in {@code snapshot}. */
  public FactSnapshot at(Slot slot, Snapshot snapshot) {
    return new SlotSnapshot(slot, snapshot);
  }

  /**
   * The parts of an entry document no fact carries, left in the database: the cohesion refresh
   * reads every statement of a group, and parsing their texts, translations and version notes was
   * most of its time. One removal of all keys (jsonb - text[]): each single-key removal copied the
   * whole remaining document again.
   */
  private static final String UNREAD_FIELDS =
      " - array['original', 'translations', 'versions', 'topics', 'location',"
          + " 'weightOverrideReason', 'retractionReason', 'cancellationReason']";

  private final class SlotSnapshot implements FactSnapshot {
    private final Slot slot;
    private final Snapshot snapshot;

    SlotSnapshot(Slot slot, Snapshot snapshot) {
      this.slot = slot;
      this.snapshot = snapshot;
    }

    @Override
    public Instant asOf() {
      return snapshot.asOf();
    }

    private MapSqlParameterSource params() {
      MapSqlParameterSource params = new MapSqlParameterSource();
      params.addValue("slot", slot.code());
      params.addValue("position", snapshot.position());
      if (snapshot.asOf() != null) {
        params.addValue("asOf", SlotWriter.utc(snapshot.asOf()));
      }
      return params;
    }

    private String known(String alias) {
      String sql = alias + ".position <= :position";
      return snapshot.asOf() == null ? sql : sql + " and " + alias + ".recorded_at <= :asOf";
    }

    @Override
    public Optional<FactRecords.CohesionSummary> cohesionSummary(String groupId) {
      return new CohesionStore(jdbc.getJdbcTemplate(), slot.code()).summary(groupId);
    }

    @Override
    public Optional<FactRecords.CohesionSummary> lastStoredCohesionSummary(String groupId) {
      return new CohesionStore(jdbc.getJdbcTemplate(), slot.code()).lastStoredSummary(groupId);
    }

    @Override
    public List<FactRecords.CohesionState> cohesionStates(
        String groupId, String channel, LocalDate first, LocalDate last) {
      return new CohesionStore(jdbc.getJdbcTemplate(), slot.code())
          .states(groupId, channel, first, last);
    }

    @Override
    public Optional<Actor> actor(String actorId) {
      return jdbc
          .query(
              "select actor_id, kind, name from tl_actor where slot = :slot and actor_id = :id",
              params().addValue("id", actorId),
              (rs, n) -> toActor(rs))
          .stream()
          .findFirst();
    }

    @Override
    public List<Actor> actors(Collection<String> actorIds) {
      if (actorIds.isEmpty()) {
        return List.of();
      }
      return jdbc.query(
          "select a.actor_id, a.kind, a.name from tl_actor a where a.slot = :slot"
              + " and a.actor_id in (:ids) and "
              + known("a"),
          params().addValue("ids", actorIds),
          (rs, n) -> toActor(rs));
    }

    /**
     * Memberships and roles are few and change seldom, but every fact-store batch and every group
     * recomputation reads them all: they are read again only when the stamp of the rows visible in
     * this snapshot (how many, and their positions' maximum and sum: rows are only ever added, or
     * cleared with the whole slot) differs from the last read's.
     */
    private <T> List<T> cached(String table, String alias, Supplier<List<T>> load) {
      String stamp =
          jdbc.queryForObject(
              "select count(*) || ':' || coalesce(max("
                  + alias
                  + ".position), -1) || ':' || coalesce(sum("
                  + alias
                  + ".position), 0) from "
                  + table
                  + " "
                  + alias
                  + " where "
                  + alias
                  + ".slot = :slot and "
                  + known(alias),
              params(),
              String.class);
      String key = table + '/' + slot.code();
      String version = snapshot.position() + "/" + snapshot.asOf() + "/" + stamp;
      Cached held = cache.get(key);
      if (held != null && held.version().equals(version)) {
        @SuppressWarnings("unchecked")
        List<T> rows = (List<T>) held.rows();
        return rows;
      }
      List<T> rows = List.copyOf(load.get());
      cache.put(key, new Cached(version, rows));
      return rows;
    }

    @Override
    public List<Membership> memberships() {
      return cached("tl_membership", "m", this::readMemberships);
    }

    @Override
    public List<Role> roles() {
      return cached("tl_role", "r", this::readRoles);
    }

    private List<Membership> readMemberships() {
      return jdbc.query(
          "select m.actor_id, m.group_id, m.from_date, m.to_date from tl_membership m"
              + " where m.slot = :slot and "
              + known("m")
              + " order by m.position, m.event_id",
          params(),
          (rs, n) ->
              new Membership(
                  rs.getString(1), rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4))));
    }

    private List<Role> readRoles() {
      return jdbc.query(
          "select r.actor_id, r.title, r.at_actor_id, r.from_date, r.to_date from tl_role r"
              + " where r.slot = :slot and "
              + known("r")
              + " order by r.position, r.event_id",
          params(),
          (rs, n) ->
              new Role(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  date(rs.getDate(4)),
                  date(rs.getDate(5))));
    }

    @Override
    public List<Statement> statements(
        Collection<String> actorIds, Instant before, String withinScale) {
      List<Statement> statements = new ArrayList<>();
      entries(
          EntryType.STATEMENT,
          actorIds,
          before,
          withinScale,
          d ->
              statements.add(
                  new Statement(
                      d.entryId,
                      d.speakerId,
                      d.eventId,
                      List.copyOf(d.targetIds),
                      d.time,
                      d.stance,
                      d.cameoCode,
                      d.weight,
                      kept(d.citations),
                      d.retracted)));
      return statements;
    }

    @Override
    public List<Event> events(Collection<String> actorIds, Instant before) {
      List<Event> events = new ArrayList<>();
      entries(
          EntryType.EVENT,
          actorIds,
          before,
          null,
          d ->
              events.add(
                  new Event(
                      d.entryId,
                      d.kind,
                      d.title,
                      d.time,
                      d.status,
                      List.copyOf(d.participants),
                      kept(d.citations),
                      d.retracted)));
      return events;
    }

    /**
     * Hands each visible version of the type's entries linked to any of the actors, by entry id, to
     * {@code each} as it is read (the document is dropped once the caller took what it keeps).
     */
    private void entries(
        EntryType type,
        Collection<String> actorIds,
        Instant before,
        String withinScale,
        Consumer<EntryDoc> each) {
      if (actorIds.isEmpty()) {
        return;
      }
      MapSqlParameterSource params = params().addValue("ids", actorIds);
      params.addValue("type", type.name());
      StringBuilder sql =
          new StringBuilder(
              "select (v.doc"
                  + UNREAD_FIELDS
                  + ")::text from tl_entry_version v where v.slot = :slot"
                  + " and v.entry_type = :type and ");
      sql.append(TimelineQueries.visible("v", snapshot, params));
      if (before != null) {
        sql.append(" and v.event_time < :before");
        params.addValue("before", SlotWriter.utc(before));
      }
      sql.append(
          " and (v.entry_id, v.version) in (select a.entry_id, a.version from tl_entry_actor a"
              + " where a.slot = :slot and a.actor_id in (:ids))");
      if (withinScale != null) {
        // a speaker and a target among the actors, or a weight on another scale (counted only);
        // as index lookups per version, not IN-subqueries: under the OR those cannot become joins,
        // and a subquery's rows too many to hash (at 1M events, an estimated 187,000 target links
        // for one group's reach) were searched one by one for every version, which took minutes
        sql.append(
            " and (exists (select 1 from tl_entry_actor s where s.slot = v.slot"
                + " and s.entry_id = v.entry_id and s.version = v.version"
                + " and s.role = 'SPEAKER' and s.actor_id in (:ids))"
                + " and exists (select 1 from tl_entry_actor t where t.slot = v.slot"
                + " and t.entry_id = v.entry_id and t.version = v.version"
                + " and t.role = 'TARGET' and t.actor_id in (:ids))"
                + " or lower(v.doc -> 'weight' ->> 'scale') is distinct from lower(:scale))");
        params.addValue("scale", withinScale);
      }
      sql.append(" order by v.entry_id");
      streaming.query(sql.toString(), params, (ResultSet rs) -> each.accept(read(rs.getString(1))));
    }
  }

  /**
   * A fact's citations as the cohesion reads them (source, grade and offsets): the quoted words and
   * who reported them stay in the document, not in every fact a group's computation holds.
   */
  private static List<Citation> kept(List<Citation> citations) {
    List<Citation> kept = new ArrayList<>(citations.size());
    for (Citation c : citations) {
      Excerpt excerpt =
          c.excerpt() == null ? null : new Excerpt(c.excerpt().start(), c.excerpt().end(), null);
      kept.add(new Citation(c.sourceId(), excerpt, c.grade(), null));
    }
    return List.copyOf(kept);
  }

  private static Actor toActor(ResultSet rs) throws SQLException {
    return new Actor(rs.getString(1), ActorKind.valueOf(rs.getString(2)), rs.getString(3));
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private EntryDoc read(String json) {
    try {
      return mapper.readValue(json, EntryDoc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable entry document", e);
    }
  }
}
