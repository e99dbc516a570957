package org.entente.live.kafka.derived;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.entente.timeline.timeline.Slot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cohesion points owed to the cohesion-points topic (table {@code kafka_cohesion_pending}): one
 * per group and day, with the position of the last event that touched that day. Added in the
 * derived-updates publisher's batch transaction, so a point is never lost between the batch and its
 * sending; sent by {@link CohesionPointsPublisher} once the group's stored cohesion covers it.
 */
public class PendingCohesionPoints {

  /** A group's day to publish, caused by the event at {@code position}. */
  public record Point(String groupId, LocalDate day, long position, String causeEventId) {}

  private final JdbcTemplate jdbc;

  public PendingCohesionPoints(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds {@code points} (at most one per group and day), in the caller's transaction, in one
   * statement; a day already waiting keeps the later of the two positions.
   */
  public void add(Collection<Point> points) {
    if (points.isEmpty()) {
      return;
    }
    // one statement of arrays, not a JDBC batch: the batch's round trips held a tenth of the
    // derived publisher's time
    List<Point> ordered =
        points.stream()
            .sorted(Comparator.comparing(Point::groupId).thenComparing(Point::day))
            .toList();
    jdbc.update(
        "insert into kafka_cohesion_pending (group_id, day, position, cause_event_id)"
            + " select * from unnest(?::text[], ?::date[], ?::bigint[], ?::text[])"
            + " on conflict (group_id, day) do update"
            + " set position = excluded.position, cause_event_id = excluded.cause_event_id"
            + " where kafka_cohesion_pending.position < excluded.position",
        ordered.stream().map(Point::groupId).toArray(String[]::new),
        ordered.stream().map(p -> p.day().toString()).toArray(String[]::new),
        ordered.stream().map(Point::position).toArray(Long[]::new),
        ordered.stream().map(Point::causeEventId).toArray(String[]::new));
  }

  /**
   * Up to {@code limit} points whose group's stored cohesion in {@code slot} includes their event:
   * its rows were computed from a history that far, or the group is not marked for recomputation
   * (its mark, set in the batch that made the point's rows, has been cleared by a recomputation
   * since). Ordered by group and day.
   */
  public List<Point> ready(Slot slot, int limit) {
    return jdbc.query(
        "select p.group_id, p.day, p.position, p.cause_event_id from kafka_cohesion_pending p"
            + " where not exists (select 1 from tl_cohesion_dirty d"
            + "   where d.slot = ? and d.group_id = p.group_id)"
            + " or exists (select 1 from tl_cohesion_summary s"
            + "   where s.slot = ? and s.group_id = p.group_id and s.covers_position >= p.position)"
            + " order by p.group_id, p.day limit ?",
        (rs, n) ->
            new Point(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getString(4)),
        slot.code(),
        slot.code(),
        limit);
  }

  /**
   * Removes the points that were sent; a day whose position moved on since it was read (a later
   * event touched it) stays, to be sent again with its newer value. One statement; a row another
   * transaction is changing right now (the derived publisher moving its position on) is skipped,
   * not waited for: it stays, and is sent again if that change rolls back. Row by row, with those
   * waits (for the derived publisher's Kafka flush), the deletes were a third of the statements'
   * time during an import.
   */
  public void remove(Collection<Point> sent) {
    if (sent.isEmpty()) {
      return;
    }
    jdbc.update(
        "delete from kafka_cohesion_pending p using (select k.group_id, k.day"
            + " from kafka_cohesion_pending k"
            + " join unnest(?::text[], ?::date[], ?::bigint[]) as s(group_id, day, position)"
            + " on k.group_id = s.group_id and k.day = s.day and k.position = s.position"
            + " for update of k skip locked) d"
            + " where p.group_id = d.group_id and p.day = d.day",
        sent.stream().map(Point::groupId).toArray(String[]::new),
        sent.stream().map(p -> p.day().toString()).toArray(String[]::new),
        sent.stream().map(Point::position).toArray(Long[]::new));
  }

  /** How many points wait. */
  public long count() {
    Long count = jdbc.queryForObject("select count(*) from kafka_cohesion_pending", Long.class);
    return count == null ? 0 : count;
  }
}
