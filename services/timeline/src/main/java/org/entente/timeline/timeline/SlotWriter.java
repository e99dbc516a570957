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
import java.util.Map;
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

  public void putActor(
      String actorId,
      ActorKind kind,
      String name,
      List<String> aliases,
      Map<String, String> externalIds,
      Instant at,
      long position) {
    List<String> aliasList = aliases == null ? List.of() : aliases;
    Map<String, String> ids = externalIds == null ? Map.of() : externalIds;
    // What the actor search matches (lookup.ActorLookup): name, aliases and external id values.
    StringBuilder search = new StringBuilder(name);
    aliasList.forEach(alias -> search.append('\n').append(alias));
    ids.values().forEach(id -> search.append('\n').append(id));
    String externalIdsJson;
    try {
      externalIdsJson = mapper.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("external ids not writable", e);
    }
    jdbc.update(
        "insert into tl_actor (slot, actor_id, kind, name, recorded_at, position, aliases,"
            + " external_ids, search_text) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, lower(?))"
            + " on conflict do nothing",
        slot.code(),
        actorId,
        kind.name(),
        name,
        utc(at),
        position,
        aliasList.toArray(String[]::new),
        externalIdsJson,
        search.toString());
  }

  public void addRole(
      long position,
      String actorId,
      String title,
      String atActorId,
      LocalDate from,
      LocalDate to,
      Instant at) {
    jdbc.update(
        "insert into tl_role (slot, position, actor_id, title, at_actor_id, from_date, to_date,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        slot.code(),
        position,
        actorId,
        title,
        atActorId,
        from,
        to,
        utc(at));
  }

  public void addMembership(
      long position, String actorId, String groupId, LocalDate from, LocalDate to, Instant at) {
    jdbc.update(
        "insert into tl_membership (slot, position, actor_id, group_id, from_date, to_date,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
        slot.code(),
        position,
        actorId,
        groupId,
        from,
        to,
        utc(at));
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
    if (!links.isEmpty()) {
      jdbc.batchUpdate(
          "insert into tl_entry_actor (slot, entry_id, version, actor_id, role)"
              + " values (?, ?, ?, ?, ?) on conflict do nothing",
          links);
    }
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

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** The current version of an entry with the record time and position that made it. */
  public record CurrentVersion(int version, Instant recordedFrom, long position, EntryDoc doc) {}
}
