package org.entente.timeline.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the rows of one slot. Runs inside the processor's transaction (the JdbcTemplate joins the
 * Spring transaction that also stores the tracking token). Every write is idempotent: a replayed
 * event finds its row already there and changes nothing.
 */
public class SlotWriter {

  /** Tables of the timeline read model, in an order that can be cleared safely. */
  static final List<String> TABLES =
      List.of(
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

  public void putActor(String actorId, ActorKind kind, String name, Instant at, long position) {
    jdbc.update(
        "insert into tl_actor (slot, actor_id, kind, name, recorded_at, position)"
            + " values (?, ?, ?, ?, ?, ?) on conflict do nothing",
        slot.code(),
        actorId,
        kind.name(),
        name,
        utc(at),
        position);
  }

  /**
   * Stores a role (keyed by the identifier of the event that recorded it) and adds the timeline
   * rows it brings: the person's entries during the role to the page of the actor the role is at,
   * and to the pages of the groups that actor is a member of (within both periods).
   */
  public void addRole(
      String eventId,
      long position,
      String actorId,
      String title,
      String atActorId,
      LocalDate from,
      LocalDate to,
      Instant at) {
    int added =
        jdbc.update(
            "insert into tl_role (slot, event_id, position, actor_id, title, at_actor_id,"
                + " from_date, to_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing",
            slot.code(),
            eventId,
            position,
            actorId,
            title,
            atActorId,
            from,
            to,
            utc(at));
    if (added == 0) {
      return; // replayed
    }
    jdbc.update(
        PAGE_ROW_INSERT
            + " select r.slot, r.at_actor_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'r:' || r.event_id, false, r.position, r.recorded_at"
            + " from tl_role r"
            + " join tl_entry_actor a on a.slot = r.slot and a.actor_id = r.actor_id"
            + " join tl_entry_version v on v.slot = a.slot and v.entry_id = a.entry_id"
            + " and v.version = a.version"
            + " where r.slot = ? and r.event_id = ? and "
            + within("v.event_time", "r")
            + " union all"
            + " select r.slot, m.group_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'rm:' || r.event_id || '/' || m.event_id, false,"
            + " greatest(r.position, m.position), greatest(r.recorded_at, m.recorded_at)"
            + " from tl_role r"
            + " join tl_membership m on m.slot = r.slot and m.actor_id = r.at_actor_id"
            + " join tl_entry_actor a on a.slot = r.slot and a.actor_id = r.actor_id"
            + " join tl_entry_version v on v.slot = a.slot and v.entry_id = a.entry_id"
            + " and v.version = a.version"
            + " where r.slot = ? and r.event_id = ? and "
            + within("v.event_time", "r")
            + " and "
            + within("v.event_time", "m")
            + PAGE_ROW_CONFLICT,
        slot.code(),
        eventId,
        slot.code(),
        eventId);
  }

  /**
   * Stores a membership (keyed by the identifier of the event that recorded it) and adds the
   * timeline rows it brings to the group's page: the member's entries during the membership, and
   * those of persons during a role at the member (within both periods).
   */
  public void addMembership(
      String eventId,
      long position,
      String actorId,
      String groupId,
      LocalDate from,
      LocalDate to,
      Instant at) {
    int added =
        jdbc.update(
            "insert into tl_membership (slot, event_id, position, actor_id, group_id, from_date,"
                + " to_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
            slot.code(),
            eventId,
            position,
            actorId,
            groupId,
            from,
            to,
            utc(at));
    if (added == 0) {
      return; // replayed
    }
    jdbc.update(
        PAGE_ROW_INSERT
            + " select m.slot, m.group_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'm:' || m.event_id, false, m.position, m.recorded_at"
            + " from tl_membership m"
            + " join tl_entry_actor a on a.slot = m.slot and a.actor_id = m.actor_id"
            + " join tl_entry_version v on v.slot = a.slot and v.entry_id = a.entry_id"
            + " and v.version = a.version"
            + " where m.slot = ? and m.event_id = ? and "
            + within("v.event_time", "m")
            + " union all"
            + " select m.slot, m.group_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'rm:' || r.event_id || '/' || m.event_id, false,"
            + " greatest(r.position, m.position), greatest(r.recorded_at, m.recorded_at)"
            + " from tl_membership m"
            + " join tl_role r on r.slot = m.slot and r.at_actor_id = m.actor_id"
            + " join tl_entry_actor a on a.slot = r.slot and a.actor_id = r.actor_id"
            + " join tl_entry_version v on v.slot = a.slot and v.entry_id = a.entry_id"
            + " and v.version = a.version"
            + " where m.slot = ? and m.event_id = ? and "
            + within("v.event_time", "r")
            + " and "
            + within("v.event_time", "m")
            + PAGE_ROW_CONFLICT,
        slot.code(),
        eventId,
        slot.code(),
        eventId);
  }

  public void putSource(
      String sourceId,
      String publisher,
      String url,
      String title,
      Instant publishedAt,
      String language,
      Instant at,
      long position) {
    jdbc.update(
        "insert into tl_source (slot, source_id, publisher, url, title, published_at, language,"
            + " recorded_at, position) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        slot.code(),
        sourceId,
        publisher,
        url,
        title,
        publishedAt == null ? null : utc(publishedAt),
        language,
        utc(at),
        position);
  }

  /** The version of an entry that is current in this slot, if the entry is known. */
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

  /** Stores a new version and, if there was one, closes the previous version's record time. */
  public void append(EntryDoc doc, Instant recordedFrom, long position) {
    int version = doc.version();
    if (version > 1) {
      jdbc.update(
          "update tl_entry_version set recorded_to = ?, recorded_to_position = ?"
              + " where slot = ? and entry_id = ? and version = ?",
          utc(recordedFrom),
          position,
          slot.code(),
          doc.entryId,
          version - 1);
    }
    String json = write(doc);
    Integer bestGrade = doc.bestGrade();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into tl_entry_version (slot, entry_id, version, entry_type, kind,"
                      + " event_time, best_grade, topics, recorded_from, recorded_from_position,"
                      + " doc) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)");
          insert.setString(1, slot.code());
          insert.setString(2, doc.entryId);
          insert.setInt(3, version);
          insert.setString(4, doc.entryType.name());
          insert.setString(5, doc.kind);
          insert.setObject(6, utc(doc.time.at()));
          if (bestGrade == null) {
            insert.setNull(7, Types.SMALLINT);
          } else {
            insert.setShort(7, bestGrade.shortValue());
          }
          insert.setArray(8, connection.createArrayOf("text", doc.topics.toArray()));
          insert.setObject(9, utc(recordedFrom));
          insert.setLong(10, position);
          insert.setString(11, json);
          return insert;
        });
    List<Object[]> links =
        doc.actorLinks().stream()
            .map(
                link ->
                    new Object[] {
                      slot.code(), doc.entryId, version, link.actorId(), link.role().name()
                    })
            .toList();
    if (links.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_entry_actor (slot, entry_id, version, actor_id, role)"
            + " values (?, ?, ?, ?, ?) on conflict do nothing",
        links);
    fanOut(doc.entryId, version);
  }

  /**
   * Writes the page rows of a new entry version: one per linked actor (its own timeline), and one
   * per group page the actor reaches at the entry's event time through the memberships and roles
   * known in this slot now (whenever they were recorded: a query shows a group row only when the
   * membership or role behind it is in its snapshot).
   */
  private void fanOut(String entryId, int version) {
    String links =
        " from tl_entry_version v join tl_entry_actor a on a.slot = v.slot"
            + " and a.entry_id = v.entry_id and a.version = v.version";
    String version1 = " v.slot = ? and v.entry_id = ? and v.version = ?";
    jdbc.update(
        PAGE_ROW_INSERT
            + " select v.slot, a.actor_id, v.event_time, v.entry_id, v.version, a.role, '',"
            + " true, null, null"
            + links
            + " where"
            + version1
            + " union all"
            + " select v.slot, m.group_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'm:' || m.event_id, false, m.position, m.recorded_at"
            + links
            + " join tl_membership m on m.slot = a.slot and m.actor_id = a.actor_id"
            + " where"
            + version1
            + " and "
            + within("v.event_time", "m")
            + " union all"
            + " select v.slot, r.at_actor_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'r:' || r.event_id, false, r.position, r.recorded_at"
            + links
            + " join tl_role r on r.slot = a.slot and r.actor_id = a.actor_id"
            + " where"
            + version1
            + " and "
            + within("v.event_time", "r")
            + " union all"
            + " select v.slot, m.group_id, v.event_time, v.entry_id, v.version, a.role,"
            + " 'rm:' || r.event_id || '/' || m.event_id, false,"
            + " greatest(r.position, m.position), greatest(r.recorded_at, m.recorded_at)"
            + links
            + " join tl_role r on r.slot = a.slot and r.actor_id = a.actor_id"
            + " join tl_membership m on m.slot = r.slot and m.actor_id = r.at_actor_id"
            + " where"
            + version1
            + " and "
            + within("v.event_time", "r")
            + " and "
            + within("v.event_time", "m")
            + PAGE_ROW_CONFLICT,
        slot.code(),
        entryId,
        version,
        slot.code(),
        entryId,
        version,
        slot.code(),
        entryId,
        version,
        slot.code(),
        entryId,
        version);
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
        + ".to_date + 1)::timestamp at time zone 'UTC'),"
        + " 'infinity'::timestamptz)";
  }

  /** Removes every row of this slot (before a rebuild into it, or after it was replaced). */
  public void clear() {
    for (String table : TABLES) {
      jdbc.update("delete from " + table + " where slot = ?", slot.code());
    }
  }

  private EntryDoc read(String json) {
    try {
      return mapper.readValue(json, EntryDoc.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable timeline entry document", e);
    }
  }

  private String write(EntryDoc doc) {
    try {
      return mapper.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("timeline entry document not writable", e);
    }
  }

  public static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The current version of an entry with the record time and position that made it. */
  public record CurrentVersion(int version, Instant recordedFrom, long position, EntryDoc doc) {}
}
