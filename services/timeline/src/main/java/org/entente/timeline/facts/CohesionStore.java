package org.entente.timeline.facts;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import org.entente.timeline.facts.FactRecords.CohesionState;
import org.entente.timeline.facts.FactRecords.CohesionSummary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One slot's stored cohesion (tables {@code tl_cohesion_state} and {@code tl_cohesion_summary}):
 * per group and channel, the sums at the end of each change day, and the series' summary. Written
 * by replacing a group's rows with a recomputation, touching only the rows that changed, so an
 * event at the end of a long history rewrites the last few states only.
 */
public class CohesionStore {

  private static final String COLUMNS =
      "channel, day, sum_s, sum_a, sum_w, observed, negative, member_pairs";

  /** The states of a series: the latest on or before its first day, then each up to its last. */
  static final String STATES_SQL =
      "(select "
          + COLUMNS
          + " from tl_cohesion_state where slot = ? and group_id = ? and channel = ?"
          + " and day <= ? order by day desc limit 1) union all (select "
          + COLUMNS
          + " from tl_cohesion_state where slot = ? and group_id = ? and channel = ?"
          + " and day > ? and day <= ? order by day)";

  private final JdbcTemplate jdbc;
  private final String slot;

  /** A group waiting for its stored cohesion to be recomputed, as of its latest mark. */
  public record Dirty(String groupId, long generation) {}

  public CohesionStore(JdbcTemplate jdbc, String slot) {
    this.jdbc = jdbc;
    this.slot = slot;
  }

  /** Makes the group's stored states and summary these; rows that did not change stay. */
  public void replace(String groupId, List<CohesionState> states, CohesionSummary summary) {
    Map<String, CohesionState> old = new HashMap<>();
    jdbc.query(
        "select " + COLUMNS + " from tl_cohesion_state where slot = ? and group_id = ?",
        rs -> {
          CohesionState s = state(rs);
          old.put(key(s), s);
        },
        slot,
        groupId);
    List<Object[]> upserts = new ArrayList<>();
    for (CohesionState s : states) {
      CohesionState before = old.remove(key(s));
      if (!s.equals(before)) {
        upserts.add(
            new Object[] {
              slot,
              groupId,
              s.channel(),
              Date.valueOf(s.day()),
              s.sumS(),
              s.sumA(),
              s.sumW(),
              s.observed(),
              s.negative(),
              s.memberPairs()
            });
      }
    }
    List<Object[]> deletes = new ArrayList<>();
    old.values()
        .forEach(
            s -> deletes.add(new Object[] {slot, groupId, s.channel(), Date.valueOf(s.day())}));
    if (!deletes.isEmpty()) {
      jdbc.batchUpdate(
          "delete from tl_cohesion_state where slot = ? and group_id = ? and channel = ?"
              + " and day = ?",
          deletes);
    }
    if (!upserts.isEmpty()) {
      jdbc.batchUpdate(
          "insert into tl_cohesion_state (slot, group_id, "
              + COLUMNS
              + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (slot, group_id, channel, day)"
              + " do update set sum_s = excluded.sum_s, sum_a = excluded.sum_a,"
              + " sum_w = excluded.sum_w, observed = excluded.observed,"
              + " negative = excluded.negative, member_pairs = excluded.member_pairs",
          upserts);
    }
    jdbc.update(
        "insert into tl_cohesion_summary (slot, group_id, interactions, duplicates, other_scale,"
            + " first_time, last_time, scale_versions) values (?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (slot, group_id) do update set interactions = excluded.interactions,"
            + " duplicates = excluded.duplicates, other_scale = excluded.other_scale,"
            + " first_time = excluded.first_time, last_time = excluded.last_time,"
            + " scale_versions = excluded.scale_versions",
        ps -> {
          ps.setString(1, slot);
          ps.setString(2, groupId);
          ps.setInt(3, summary.interactions());
          ps.setInt(4, summary.duplicates());
          ps.setInt(5, summary.otherScale());
          ps.setObject(6, utc(summary.firstTime()));
          ps.setObject(7, utc(summary.lastTime()));
          ps.setArray(
              8, ps.getConnection().createArrayOf("text", summary.scaleVersions().toArray()));
        });
  }

  /** Marks groups whose stored cohesion is out of date (in the marking batch's transaction). */
  public void markDirty(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into tl_cohesion_dirty (slot, group_id) values (?, ?)"
            + " on conflict (slot, group_id) do update"
            + " set generation = tl_cohesion_dirty.generation + 1",
        groupIds.stream().sorted().map(g -> new Object[] {slot, g}).toList());
  }

  /** Up to {@code limit} groups waiting for a recomputation, with their latest mark. */
  public List<Dirty> dirty(int limit) {
    return jdbc.query(
        "select group_id, generation from tl_cohesion_dirty where slot = ? order by group_id"
            + " limit ?",
        (rs, n) -> new Dirty(rs.getString(1), rs.getLong(2)),
        slot,
        limit);
  }

  /** The group's mark, if it is waiting for a recomputation. */
  public Optional<Dirty> dirty(String groupId) {
    return jdbc
        .query(
            "select group_id, generation from tl_cohesion_dirty where slot = ? and group_id = ?",
            (rs, n) -> new Dirty(rs.getString(1), rs.getLong(2)),
            slot,
            groupId)
        .stream()
        .findFirst();
  }

  /**
   * Clears the mark of a group recomputed from the facts of mark {@code dirty}; a mark set again
   * meanwhile stays (returns false), and the group is recomputed once more.
   */
  public boolean clean(Dirty dirty) {
    return jdbc.update(
            "delete from tl_cohesion_dirty where slot = ? and group_id = ? and generation = ?",
            slot,
            dirty.groupId(),
            dirty.generation())
        == 1;
  }

  /**
   * Records that the group's stored cohesion was just computed from every event up to {@code
   * position} (at least), in the recomputation's transaction.
   */
  public void covered(String groupId, long position) {
    jdbc.update(
        "update tl_cohesion_summary set covers_position = ? where slot = ? and group_id = ?",
        position,
        slot,
        groupId);
  }

  /**
   * The group's summary, if the projection has stored one and it is up to date (a group marked
   * dirty has none: its series is computed from its facts until it is recomputed).
   */
  Optional<CohesionSummary> summary(String groupId) {
    return summary(groupId, false);
  }

  /**
   * The group's last stored summary, even if a batch has marked the group since (its rows are those
   * of the last recomputation, its {@code covers_position} says up to which event).
   */
  Optional<CohesionSummary> lastStoredSummary(String groupId) {
    return summary(groupId, true);
  }

  private Optional<CohesionSummary> summary(String groupId, boolean evenIfMarked) {
    return jdbc
        .query(
            "select interactions, duplicates, other_scale, first_time, last_time, scale_versions"
                + " from tl_cohesion_summary s where slot = ? and group_id = ?"
                + (evenIfMarked
                    ? ""
                    : " and not exists (select 1 from tl_cohesion_dirty d"
                        + " where d.slot = s.slot and d.group_id = s.group_id)"),
            (rs, n) ->
                new CohesionSummary(
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)),
                    strings(rs.getArray(6))),
            slot,
            groupId)
        .stream()
        .findFirst();
  }

  /**
   * The states a series from {@code first} to {@code last} (member days) needs, ascending: the
   * latest on or before {@code first}, then every one up to {@code last}. Two index range scans of
   * the primary key, however long the group's history.
   */
  List<CohesionState> states(String groupId, String channel, LocalDate first, LocalDate last) {
    return jdbc.query(
        STATES_SQL,
        (rs, n) -> state(rs),
        slot,
        groupId,
        channel,
        Date.valueOf(first),
        slot,
        groupId,
        channel,
        Date.valueOf(first),
        Date.valueOf(last));
  }

  private static CohesionState state(ResultSet rs) throws SQLException {
    return new CohesionState(
        rs.getString(1),
        rs.getDate(2).toLocalDate(),
        rs.getDouble(3),
        rs.getDouble(4),
        rs.getDouble(5),
        rs.getInt(6),
        rs.getInt(7),
        rs.getInt(8));
  }

  private static String key(CohesionState s) {
    return s.channel() + '|' + s.day();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
