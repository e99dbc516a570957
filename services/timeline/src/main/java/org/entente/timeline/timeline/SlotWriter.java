package org.entente.timeline.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows of one slot. Runs inside the processor's transaction (the JdbcTemplate joins the
 * Spring transaction that also stores the tracking token). Every write is idempotent: a replayed
 * event finds its row already there and changes nothing.
 */
public class SlotWriter implements FactRows {

  /** Tables of the timeline read model, in an order that can be cleared safely. */
  static final List<String> TABLES =
      List.of(
          "tl_cohesion_state",
          "tl_cohesion_summary",
          "tl_cohesion_dirty",
          "tl_page_row",
          "tl_entry_actor",
          "tl_entry_version",
          "tl_source",
          "tl_membership",
          "tl_role",
          "tl_actor");

  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private final Slot slot;

  public SlotWriter(JdbcTemplate jdbc, ObjectMapper mapper, Slot slot) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.slot = slot;
  }

  public Slot slot() {
    return slot;
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
    writeActors(List.of(ActorRow.of(actorId, kind, name, aliases, externalIds, at, position)));
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
    writeRoles(List.of(new RoleRow(eventId, position, actorId, title, atActorId, from, to, at)));
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
    writeMemberships(List.of(new MembershipRow(eventId, position, actorId, groupId, from, to, at)));
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
    writeSources(
        List.of(
            new SourceRow(sourceId, publisher, url, title, publishedAt, language, at, position)));
  }

  @Override
  public Optional<CurrentVersion> current(String entryId) {
    return jdbc
        .query(
            "select version, recorded_from, recorded_from_position, doc::text from tl_entry_version"
                + " where slot = ? and entry_id = ? and recorded_to_position is null",
            (rs, n) ->
                new CurrentVersion(
                    rs.getInt(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getLong(3),
                    read(rs.getString(4))),
            slot.code(),
            entryId)
        .stream()
        .findFirst();
  }

  /** The current versions of those of {@code entryIds} that exist, in one query. */
  Map<String, CurrentVersion> current(Collection<String> entryIds) {
    Map<String, CurrentVersion> found = new HashMap<>();
    if (entryIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        "select entry_id, version, recorded_from, recorded_from_position, doc::text"
            + " from tl_entry_version where slot = ? and entry_id = any(?)"
            + " and recorded_to_position is null",
        rs -> {
          found.put(
              rs.getString(1),
              new CurrentVersion(
                  rs.getInt(2),
                  rs.getObject(3, OffsetDateTime.class).toInstant(),
                  rs.getLong(4),
                  read(rs.getString(5))));
        },
        slot.code(),
        entryIds.toArray(String[]::new));
    return found;
  }

  @Override
  public void append(EntryDoc doc, Instant recordedFrom, long position) {
    VersionRow row = versionRow(doc, recordedFrom, position);
    List<Closing> closings =
        row.version() > 1
            ? List.of(new Closing(doc.entryId, row.version() - 1, recordedFrom, position))
            : List.of();
    writeVersions(List.of(row), closings);
  }

  /** A buffer for one processor batch, written by {@link BufferedRows#flush()}. */
  public BufferedRows buffered() {
    return new BufferedRows(this);
  }

  // The batch primitives: each writes many rows in few round trips (JDBC batches, set-based
  // fan-out), so a processor batch costs a handful of statements, not several per event.

  VersionRow versionRow(EntryDoc doc, Instant recordedFrom, long position) {
    return new VersionRow(
        doc.entryId,
        doc.version(),
        doc.entryType.name(),
        doc.kind,
        doc.time.at(),
        doc.bestGrade(),
        doc.topics.toArray(new String[0]),
        recordedFrom,
        position,
        write(doc),
        doc.actorLinks().stream().map(l -> new String[] {l.actorId(), l.role().name()}).toList());
  }

  void writeActors(List<ActorRow> actors) {
    if (actors.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_actor (slot, actor_id, kind, name, recorded_at, position, aliases,"
            + " external_ids, search_text) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, lower(?))"
            + " on conflict do nothing",
        actors.stream()
            .map(
                a ->
                    new Object[] {
                      slot.code(),
                      a.actorId(),
                      a.kind().name(),
                      a.name(),
                      utc(a.at()),
                      a.position(),
                      a.aliases().toArray(String[]::new),
                      write(a.externalIds()),
                      a.searchText()
                    })
            .toList());
  }

  void writeSources(List<SourceRow> sources) {
    if (sources.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_source (slot, source_id, publisher, url, title, published_at, language,"
            + " recorded_at, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        sources.stream()
            .map(
                s ->
                    new Object[] {
                      slot.code(),
                      s.sourceId(),
                      s.publisher(),
                      s.url(),
                      s.title(),
                      s.publishedAt() == null ? null : utc(s.publishedAt()),
                      s.language(),
                      utc(s.at()),
                      s.position()
                    })
            .toList(),
        new int[] {
          Types.CHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.VARCHAR,
          Types.TIMESTAMP_WITH_TIMEZONE,
          Types.BIGINT
        });
  }

  /**
   * Stores roles (keyed by the identifier of the event that recorded them) and adds the timeline
   * rows they bring (an actor's entries read from its own direct page rows, one per version and
   * role it is linked with: an index range over the period, never the version documents): the
   * person's entries during the role to the page of the actor the role is at, and to the pages of
   * the groups that actor is a member of (within both periods).
   */
  void writeRoles(List<RoleRow> roles) {
    if (roles.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_role (slot, event_id, position, actor_id, title, at_actor_id,"
            + " from_date, to_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict do nothing",
        roles.stream()
            .map(
                r ->
                    new Object[] {
                      slot.code(),
                      r.eventId(),
                      r.position(),
                      r.actorId(),
                      r.title(),
                      r.atActorId(),
                      r.from(),
                      r.to(),
                      utc(r.at())
                    })
            .toList(),
        new int[] {
          Types.CHAR,
          Types.VARCHAR,
          Types.BIGINT,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.DATE,
          Types.DATE,
          Types.TIMESTAMP_WITH_TIMEZONE
        });
    // (re-)resolving a replayed role finds its rows there already: on conflict, nothing changes
    String[] ids = roles.stream().map(RoleRow::eventId).toArray(String[]::new);
    jdbc.update(
        PAGE_ROW_INSERT
            + " select r.slot, r.at_actor_id, v.event_time, v.entry_id, v.version, v.role,"
            + " 'r:' || r.event_id, false, r.position, r.recorded_at"
            + " from tl_role r"
            + " join tl_page_row v on v.slot = r.slot and v.owner_id = r.actor_id and v.direct"
            + " where r.slot = ? and r.event_id = any(?) and "
            + within("v.event_time", "r")
            + " union all"
            + " select r.slot, m.group_id, v.event_time, v.entry_id, v.version, v.role,"
            + " 'rm:' || r.event_id || '/' || m.event_id, false,"
            + " greatest(r.position, m.position), greatest(r.recorded_at, m.recorded_at)"
            + " from tl_role r"
            + " join tl_membership m on m.slot = r.slot and m.actor_id = r.at_actor_id"
            + " join tl_page_row v on v.slot = r.slot and v.owner_id = r.actor_id and v.direct"
            + " where r.slot = ? and r.event_id = any(?) and "
            + within("v.event_time", "r")
            + " and "
            + within("v.event_time", "m")
            + PAGE_ROW_CONFLICT,
        slot.code(),
        ids,
        slot.code(),
        ids);
  }

  /**
   * Stores memberships (keyed by the identifier of the event that recorded them) and adds the
   * timeline rows they bring to the group's page: the member's entries during the membership, and
   * those of persons during a role at the member (within both periods).
   */
  void writeMemberships(List<MembershipRow> memberships) {
    if (memberships.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_membership (slot, event_id, position, actor_id, group_id, from_date,"
            + " to_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        memberships.stream()
            .map(
                m ->
                    new Object[] {
                      slot.code(),
                      m.eventId(),
                      m.position(),
                      m.actorId(),
                      m.groupId(),
                      m.from(),
                      m.to(),
                      utc(m.at())
                    })
            .toList(),
        new int[] {
          Types.CHAR,
          Types.VARCHAR,
          Types.BIGINT,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.DATE,
          Types.DATE,
          Types.TIMESTAMP_WITH_TIMEZONE
        });
    String[] ids = memberships.stream().map(MembershipRow::eventId).toArray(String[]::new);
    jdbc.update(
        PAGE_ROW_INSERT
            + " select m.slot, m.group_id, v.event_time, v.entry_id, v.version, v.role,"
            + " 'm:' || m.event_id, false, m.position, m.recorded_at"
            + " from tl_membership m"
            + " join tl_page_row v on v.slot = m.slot and v.owner_id = m.actor_id and v.direct"
            + " where m.slot = ? and m.event_id = any(?) and "
            + within("v.event_time", "m")
            + " union all"
            + " select m.slot, m.group_id, v.event_time, v.entry_id, v.version, v.role,"
            + " 'rm:' || r.event_id || '/' || m.event_id, false,"
            + " greatest(r.position, m.position), greatest(r.recorded_at, m.recorded_at)"
            + " from tl_membership m"
            + " join tl_role r on r.slot = m.slot and r.at_actor_id = m.actor_id"
            + " join tl_page_row v on v.slot = r.slot and v.owner_id = r.actor_id and v.direct"
            + " where m.slot = ? and m.event_id = any(?) and "
            + within("v.event_time", "r")
            + " and "
            + within("v.event_time", "m")
            + PAGE_ROW_CONFLICT,
        slot.code(),
        ids,
        slot.code(),
        ids);
  }

  /**
   * Stores new entry versions (a version closed within the same batch comes with its record-time
   * end), closes the versions they supersede, links them to their actors and writes their page
   * rows.
   */
  void writeVersions(List<VersionRow> versions, List<Closing> closings) {
    if (!closings.isEmpty()) {
      jdbc.batchUpdate(
          "update tl_entry_version set recorded_to = ?, recorded_to_position = ?"
              + " where slot = ? and entry_id = ? and version = ?",
          closings.stream()
              .map(
                  c ->
                      new Object[] {
                        utc(c.recordedTo()), c.position(), slot.code(), c.entryId(), c.version()
                      })
              .toList());
    }
    if (versions.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_entry_version (slot, entry_id, version, entry_type, kind, event_time,"
            + " best_grade, topics, recorded_from, recorded_from_position, recorded_to,"
            + " recorded_to_position, doc) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement insert, int i) throws SQLException {
            VersionRow v = versions.get(i);
            insert.setString(1, slot.code());
            insert.setString(2, v.entryId());
            insert.setInt(3, v.version());
            insert.setString(4, v.entryType());
            insert.setString(5, v.kind());
            insert.setObject(6, utc(v.eventTime()));
            if (v.bestGrade() == null) {
              insert.setNull(7, Types.SMALLINT);
            } else {
              insert.setShort(7, v.bestGrade().shortValue());
            }
            insert.setArray(8, insert.getConnection().createArrayOf("text", v.topics()));
            insert.setObject(9, utc(v.recordedFrom()));
            insert.setLong(10, v.position());
            if (v.recordedTo() == null) {
              insert.setNull(11, Types.TIMESTAMP_WITH_TIMEZONE);
              insert.setNull(12, Types.BIGINT);
            } else {
              insert.setObject(11, utc(v.recordedTo()));
              insert.setLong(12, v.recordedToPosition());
            }
            insert.setString(13, v.json());
          }

          @Override
          public int getBatchSize() {
            return versions.size();
          }
        });
    List<Object[]> links = new ArrayList<>();
    for (VersionRow v : versions) {
      for (String[] link : v.links()) {
        links.add(new Object[] {slot.code(), v.entryId(), v.version(), link[0], link[1]});
      }
    }
    if (links.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_entry_actor (slot, entry_id, version, actor_id, role)"
            + " values (?, ?, ?, ?, ?) on conflict do nothing",
        links);
    fanOut(links);
  }

  /**
   * Writes the page rows of new entry versions: one per linked actor (its own timeline), and one
   * per group page the actor reaches at the entry's event time through the memberships and roles
   * stored in this slot now (whenever they were recorded: a query shows a group row only when the
   * membership or role behind it is in its snapshot). The links come from the batch itself (no
   * reading them back), each version's event time by primary key, computed once for the four kinds
   * of rows.
   */
  private void fanOut(List<Object[]> links) {
    String[] entryIds = new String[links.size()];
    Integer[] versions = new Integer[links.size()];
    String[] actorIds = new String[links.size()];
    String[] roles = new String[links.size()];
    for (int i = 0; i < links.size(); i++) {
      Object[] link = links.get(i);
      entryIds[i] = (String) link[1];
      versions[i] = (Integer) link[2];
      actorIds[i] = (String) link[3];
      roles[i] = (String) link[4];
    }
    jdbc.update(
        "with l as materialized (select v.slot, v.event_time, v.entry_id, v.version,"
            + " w.actor_id, w.role"
            + " from unnest(?::varchar[], ?::integer[], ?::varchar[], ?::varchar[])"
            + " as w(entry_id, version, actor_id, role)"
            + " join tl_entry_version v on v.slot = ? and v.entry_id = w.entry_id"
            + " and v.version = w.version) "
            + PAGE_ROW_INSERT
            + " select l.slot, l.actor_id, l.event_time, l.entry_id, l.version, l.role, '',"
            + " true, null, null from l"
            + " union all"
            + " select l.slot, m.group_id, l.event_time, l.entry_id, l.version, l.role,"
            + " 'm:' || m.event_id, false, m.position, m.recorded_at from l"
            + " join tl_membership m on m.slot = l.slot and m.actor_id = l.actor_id"
            + " where "
            + within("l.event_time", "m")
            + " union all"
            + " select l.slot, r.at_actor_id, l.event_time, l.entry_id, l.version, l.role,"
            + " 'r:' || r.event_id, false, r.position, r.recorded_at from l"
            + " join tl_role r on r.slot = l.slot and r.actor_id = l.actor_id"
            + " where "
            + within("l.event_time", "r")
            + " union all"
            // per link, its roles and then their places' memberships: the fence (offset 0) keeps
            // the planner, which guesses one row for l in a generic plan, from joining every role
            // of the slot with every membership first (2 s for 3,000 links, 150 memberships)
            + " select l.slot, rm.group_id, l.event_time, l.entry_id, l.version, l.role, rm.cause,"
            + " false, rm.position, rm.recorded_at from l cross join lateral (select m.group_id,"
            + " 'rm:' || r.event_id || '/' || m.event_id as cause,"
            + " greatest(r.position, m.position) as position,"
            + " greatest(r.recorded_at, m.recorded_at) as recorded_at"
            + " from tl_role r join tl_membership m on m.slot = r.slot and m.actor_id = r.at_actor_id"
            + " where r.slot = l.slot and r.actor_id = l.actor_id and "
            + within("l.event_time", "r")
            + " and "
            + within("l.event_time", "m")
            + " offset 0) rm"
            + PAGE_ROW_CONFLICT,
        entryIds,
        versions,
        actorIds,
        roles,
        slot.code());
  }

  /**
   * Serializes the batch writes of concurrent segments of this slot: page rows join entries with
   * memberships and roles that another segment may be writing, so each batch writes after the
   * previous one committed (the lock is held until commit) and sees its rows.
   */
  void lockForBatch() {
    jdbc.queryForObject(
        "select pg_advisory_xact_lock(hashtext(?))::text", String.class, "tl_facts_" + slot.code());
  }

  private static final String PAGE_ROW_INSERT =
      "insert into tl_page_row (slot, owner_id, event_time, entry_id, version, role, cause,"
          + " direct, cause_position, cause_recorded_at)";

  private static final String PAGE_ROW_CONFLICT = " on conflict do nothing";

  /** {@code time} lies in the period (from_date, to_date inclusive) of the row {@code alias}. */
  private static String within(String time, String alias) {
    return time
        + " >= ("
        + alias
        + ".from_date::timestamp at time zone 'UTC') and "
        + time
        + " < coalesce((("
        + alias
        + ".to_date + 1)::timestamp at time zone 'UTC'), 'infinity'::timestamptz)";
  }

  /** Removes every row of this slot (before a rebuild into it, or after it was replaced). */
  public void clear() {
    for (String table : TABLES) {
      jdbc.update("delete from " + table + " where slot = ?", slot.code());
    }
  }

  EntryDoc read(String json) {
    try {
      return mapper.readValue(json, EntryDoc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable timeline entry document", e);
    }
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("read-side document not writable", e);
    }
  }

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The current version of an entry with the record time and position that made it. */
  public record CurrentVersion(int version, Instant recordedFrom, long position, EntryDoc doc) {}

  /**
   * An actor as the fact store keeps it; {@code searchText} is what the actor search matches
   * (lookup.ActorLookup): name, aliases and external id values.
   */
  record ActorRow(
      String actorId,
      ActorKind kind,
      String name,
      List<String> aliases,
      Map<String, String> externalIds,
      String searchText,
      Instant at,
      long position) {

    static ActorRow of(
        String actorId,
        ActorKind kind,
        String name,
        List<String> aliases,
        Map<String, String> externalIds,
        Instant at,
        long position) {
      List<String> aliasList = aliases == null ? List.of() : List.copyOf(aliases);
      Map<String, String> ids = externalIds == null ? Map.of() : Map.copyOf(externalIds);
      StringBuilder search = new StringBuilder(name);
      aliasList.forEach(alias -> search.append('\n').append(alias));
      ids.values().forEach(id -> search.append('\n').append(id));
      return new ActorRow(actorId, kind, name, aliasList, ids, search.toString(), at, position);
    }
  }

  record SourceRow(
      String sourceId,
      String publisher,
      String url,
      String title,
      Instant publishedAt,
      String language,
      Instant at,
      long position) {}

  record RoleRow(
      String eventId,
      long position,
      String actorId,
      String title,
      String atActorId,
      LocalDate from,
      LocalDate to,
      Instant at) {}

  record MembershipRow(
      String eventId,
      long position,
      String actorId,
      String groupId,
      LocalDate from,
      LocalDate to,
      Instant at) {}

  /** A version to insert; recordedTo is set when a later version of the same batch closed it. */
  record VersionRow(
      String entryId,
      int version,
      String entryType,
      String kind,
      Instant eventTime,
      Integer bestGrade,
      String[] topics,
      Instant recordedFrom,
      long position,
      String json,
      List<String[]> links,
      Instant recordedTo,
      long recordedToPosition) {

    VersionRow(
        String entryId,
        int version,
        String entryType,
        String kind,
        Instant eventTime,
        Integer bestGrade,
        String[] topics,
        Instant recordedFrom,
        long position,
        String json,
        List<String[]> links) {
      this(
          entryId,
          version,
          entryType,
          kind,
          eventTime,
          bestGrade,
          topics,
          recordedFrom,
          position,
          json,
          links,
          null,
          0);
    }

    VersionRow closedAt(Instant to, long toPosition) {
      return new VersionRow(
          entryId,
          version,
          entryType,
          kind,
          eventTime,
          bestGrade,
          topics,
          recordedFrom,
          position,
          json,
          links,
          to,
          toPosition);
    }
  }

  /** The end of a stored version's record time. */
  record Closing(String entryId, int version, Instant recordedTo, long position) {}
}
