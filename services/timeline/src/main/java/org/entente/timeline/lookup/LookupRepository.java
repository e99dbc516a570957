package org.entente.timeline.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.timeline.timeline.EntryDoc;
import org.entente.timeline.timeline.EntryType;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.Snapshot;
import org.entente.timeline.timeline.TimelineDocuments;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every SQL statement of the lookup API, reading the fact tables of one slot in one snapshot: a row
 * is visible when the event that made it is at or before the snapshot's position and, with {@code
 * asOf}, was recorded no later than that instant.
 */
@Repository
public class LookupRepository {

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper mapper;

  public LookupRepository(NamedParameterJdbcTemplate jdbc, TimelineDocuments documents) {
    this.jdbc = jdbc;
    this.mapper = documents.mapper();
  }

  /**
   * Up to {@code limit} actors in (lower-cased name, id) order after {@code after}: those whose
   * name, alias or external id contains {@code text} (case-insensitive; null for all) and of the
   * given kind (null for any).
   */
  public List<ActorRow> findActors(
      Slot slot, Snapshot snapshot, String text, String kind, ActorCursor.After after, int limit) {
    MapSqlParameterSource params = params(slot, snapshot);
    StringBuilder sql =
        new StringBuilder(
            "select a.actor_id, a.kind, a.name, a.aliases, a.external_ids::text, a.recorded_at,"
                + " a.position, lower(a.name) from tl_actor a where a.slot = :slot and ");
    sql.append(known("a", snapshot));
    if (kind != null) {
      sql.append(" and a.kind = :kind");
      params.addValue("kind", kind);
    }
    if (text != null) {
      // search_text is lower-cased; a trigram index answers the substring match.
      sql.append(" and a.search_text like '%' || lower(:text) || '%'");
      params.addValue("text", likeEscaped(text));
    }
    if (after != null) {
      sql.append(" and (lower(a.name), a.actor_id) > (:afterName, :afterId)");
      params.addValue("afterName", after.name());
      params.addValue("afterId", after.id());
    }
    sql.append(" order by lower(a.name), a.actor_id limit :limit");
    params.addValue("limit", limit);
    return jdbc.query(sql.toString(), params, (rs, n) -> actor(rs));
  }

  public Optional<ActorRow> actor(Slot slot, Snapshot snapshot, String actorId) {
    MapSqlParameterSource params = params(slot, snapshot).addValue("id", actorId);
    return jdbc
        .query(
            "select a.actor_id, a.kind, a.name, a.aliases, a.external_ids::text, a.recorded_at,"
                + " a.position, lower(a.name) from tl_actor a"
                + " where a.slot = :slot and a.actor_id = :id and "
                + known("a", snapshot),
            params,
            (rs, n) -> actor(rs))
        .stream()
        .findFirst();
  }

  /** Roles held by the actor ({@code atActor} false) or held at it ({@code atActor} true). */
  public List<ActorView.Role> roles(Slot slot, Snapshot snapshot, String actorId, boolean atActor) {
    MapSqlParameterSource params = params(slot, snapshot).addValue("id", actorId);
    return jdbc.query(
        "select r.actor_id, p.name, r.title, r.at_actor_id, o.name, r.from_date, r.to_date,"
            + " r.recorded_at, r.position from tl_role r"
            + " left join tl_actor p on p.slot = r.slot and p.actor_id = r.actor_id"
            + " left join tl_actor o on o.slot = r.slot and o.actor_id = r.at_actor_id"
            + " where r.slot = :slot and "
            + (atActor ? "r.at_actor_id" : "r.actor_id")
            + " = :id and "
            + known("r", snapshot)
            + " order by r.from_date, r.position",
        params,
        (rs, n) ->
            new ActorView.Role(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class),
                instant(rs, 8),
                rs.getLong(9)));
  }

  /** The actor's memberships ({@code ofGroup} false) or the group's members ({@code true}). */
  public List<ActorView.Membership> memberships(
      Slot slot, Snapshot snapshot, String actorId, boolean ofGroup) {
    MapSqlParameterSource params = params(slot, snapshot).addValue("id", actorId);
    return jdbc.query(
        "select m.actor_id, a.name, m.group_id, g.name, m.from_date, m.to_date, m.recorded_at,"
            + " m.position from tl_membership m"
            + " left join tl_actor a on a.slot = m.slot and a.actor_id = m.actor_id"
            + " left join tl_actor g on g.slot = m.slot and g.actor_id = m.group_id"
            + " where m.slot = :slot and "
            + (ofGroup ? "m.group_id" : "m.actor_id")
            + " = :id and "
            + known("m", snapshot)
            + " order by m.from_date, m.position",
        params,
        (rs, n) ->
            new ActorView.Membership(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                instant(rs, 7),
                rs.getLong(8)));
  }

  public Optional<SourceRow> source(Slot slot, Snapshot snapshot, String sourceId) {
    MapSqlParameterSource params = params(slot, snapshot).addValue("id", sourceId);
    return jdbc
        .query(
            "select s.source_id, s.title, s.publisher, s.url, s.published_at, s.language,"
                + " s.recorded_at, s.position from tl_source s"
                + " where s.slot = :slot and s.source_id = :id and "
                + known("s", snapshot),
            params,
            (rs, n) ->
                new SourceRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    instant(rs, 5),
                    rs.getString(6),
                    instant(rs, 7),
                    rs.getLong(8)))
        .stream()
        .findFirst();
  }

  /**
   * The versions of an entry known in the snapshot, oldest first. A version's end of record time is
   * given only if the version that replaced it is known in the snapshot too.
   */
  public List<VersionRow> entryVersions(
      Slot slot, Snapshot snapshot, String entryId, EntryType type) {
    MapSqlParameterSource params =
        params(slot, snapshot).addValue("id", entryId).addValue("type", type.name());
    String asOf = snapshot.asOf() == null ? "" : " and v.recorded_from <= :asOf";
    String endKnown =
        "v.recorded_to_position <= :position"
            + (snapshot.asOf() == null ? "" : " and v.recorded_to <= :asOf");
    return jdbc.query(
        "select v.version, v.recorded_from, v.recorded_from_position,"
            + " case when "
            + endKnown
            + " then v.recorded_to end, v.doc::text from tl_entry_version v"
            + " where v.slot = :slot and v.entry_id = :id and v.entry_type = :type"
            + " and v.recorded_from_position <= :position"
            + asOf
            + " order by v.version",
        params,
        (rs, n) ->
            new VersionRow(
                rs.getInt(1), instant(rs, 2), rs.getLong(3), instant(rs, 4), doc(rs.getString(5))));
  }

  private static MapSqlParameterSource params(Slot slot, Snapshot snapshot) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("slot", slot.code())
            .addValue("position", snapshot.position());
    if (snapshot.asOf() != null) {
      params.addValue("asOf", OffsetDateTime.ofInstant(snapshot.asOf(), ZoneOffset.UTC));
    }
    return params;
  }

  /** A fact row (actor, role, membership, source) is known once its event is in the snapshot. */
  private static String known(String alias, Snapshot snapshot) {
    return "("
        + alias
        + ".position <= :position"
        + (snapshot.asOf() == null ? "" : " and " + alias + ".recorded_at <= :asOf")
        + ")";
  }

  /** The search text as a literal inside a LIKE pattern. */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private ActorRow actor(ResultSet rs) throws SQLException {
    Array aliases = rs.getArray(4);
    return new ActorRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
        read(rs.getString(5), STRING_MAP),
        instant(rs, 6),
        rs.getLong(7),
        rs.getString(8));
  }

  private EntryDoc doc(String json) {
    return read(json, new TypeReference<EntryDoc>() {});
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable fact store column", e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** A row of tl_actor; {@code sortName} is the lower-cased name the search pages by. */
  public record ActorRow(
      String id,
      String kind,
      String name,
      List<String> aliases,
      Map<String, String> externalIds,
      Instant recordedAt,
      long position,
      String sortName) {}

  /** A row of tl_source. */
  public record SourceRow(
      String id,
      String title,
      String publisher,
      String url,
      Instant publishedAt,
      String language,
      Instant recordedAt,
      long position) {}

  /** A version of an entry; {@code recordedTo} null while current in the snapshot. */
  public record VersionRow(
      int version, Instant recordedFrom, long position, Instant recordedTo, EntryDoc doc) {}
}
