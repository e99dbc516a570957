package org.entente.timeline.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which slot is live (answers queries) and which, if any, is being rebuilt. Kept in {@code
 * tl_projection_state} so a restart resumes a rebuild; cached here because every handled event
 * asks. Only the slots that are live or building are written: the other slot's processor is
 * stopped, and its handler ignores events if it runs at all.
 */
@Component
public class TimelineSlots {

  public static final String PROJECTION = "timeline";

  private final JdbcTemplate jdbc;
  private volatile State state;

  public TimelineSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public State state() {
    State current = state;
    return current != null ? current : refresh();
  }

  public Slot live() {
    return state().live();
  }

  /**
   * The live slot as the database says now, not the cached one. Read as the first statement of a
   * query's transaction, the slot and its rows come from one database snapshot: a switch (and the
   * clearing of the old slot) committed by the rebuild, in this process or another, is either
   * wholly seen or not at all.
   */
  public Slot readLive() {
    return Slot.ofCode(
        jdbc.queryForObject(
            "select live_slot from tl_projection_state where projection = ?",
            String.class,
            PROJECTION));
  }

  public boolean isActive(Slot slot) {
    State current = state();
    return slot == current.live() || slot == current.building();
  }

  public synchronized State refresh() {
    state =
        jdbc.queryForObject(
            "select live_slot, building_slot, rebuild_started_at, last_switched_at,"
                + " last_rebuild_seconds, last_rebuild_position, building_marks_cohesion"
                + " from tl_projection_state where projection = ?",
            (rs, n) ->
                new State(
                    Slot.ofCode(rs.getString(1)),
                    rs.getString(2) == null ? null : Slot.ofCode(rs.getString(2)),
                    instant(rs.getObject(3, OffsetDateTime.class)),
                    instant(rs.getObject(4, OffsetDateTime.class)),
                    (Double) rs.getObject(5),
                    (Long) rs.getObject(6),
                    rs.getBoolean(7)),
            PROJECTION);
    return state;
  }

  /** Marks {@code slot} as being rebuilt; its handler writes from now on. */
  public synchronized State startBuilding(Slot slot, Instant at) {
    jdbc.update(
        "update tl_projection_state set building_slot = ?, rebuild_started_at = ?,"
            + " building_marks_cohesion = false where projection = ?",
        slot.code(),
        SlotWriter.utc(at),
        PROJECTION);
    return refresh();
  }

  /**
   * From now on the slot being rebuilt marks the groups its batches move, as the live slot does:
   * its replay has caught up, and its stored cohesion is made before it goes live. The update waits
   * for the slot's batches still running (each holds a share lock on the state row).
   */
  public synchronized State buildingMarksCohesion() {
    jdbc.update(
        "update tl_projection_state set building_marks_cohesion = true where projection = ?",
        PROJECTION);
    return refresh();
  }

  /** Makes the rebuilt slot live in one update; queries read it from their next statement on. */
  public synchronized State switchTo(Slot slot, Instant at, double seconds, long position) {
    jdbc.update(
        "update tl_projection_state set live_slot = ?, building_slot = null,"
            + " rebuild_started_at = null, building_marks_cohesion = false,"
            + " last_switched_at = ?, last_rebuild_seconds = ?,"
            + " last_rebuild_position = ? where projection = ?",
        slot.code(),
        SlotWriter.utc(at),
        seconds,
        position,
        PROJECTION);
    return refresh();
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /**
   * The slots and the last rebuild's figures; {@code buildingMarksCohesion}: the slot being rebuilt
   * has caught up and its groups' stored cohesion is being made.
   */
  public record State(
      Slot live,
      Slot building,
      Instant rebuildStartedAt,
      Instant lastSwitchedAt,
      Double lastRebuildSeconds,
      Long lastRebuildPosition,
      boolean buildingMarksCohesion) {}
}
