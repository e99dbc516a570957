package org.entente.audit.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.entente.audit.config.AuditProperties;
import org.entente.verifier.EventDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only Merkle log over the event table's global order: leaf i is the i-th stored event
 * by position (global index), rolled-back positions leaving no leaf.
 *
 * <p>Gap-safe. A position is taken when a row is inserted, but its transaction may commit after a
 * later position's did; appending whatever is visible would put such a late event in the wrong
 * place or leave it out. So the log appends only <em>settled</em> positions, which no running
 * transaction can still fill. Each round records a fence: the last position taken so far ({@code
 * pg_sequence_last_value}), then the next transaction id to start ({@code xmax} of a later
 * snapshot). Every transaction that took a position up to the fence already had its id (V5_1 makes
 * the column default take the id first), so its id is below the fence's {@code xmax}. Once the
 * oldest running transaction ({@code xmin}) has reached the fence's {@code xmax}, they have all
 * ended: the events up to the fence are final, and a later round appends them in position order. A
 * transaction held open only holds the log back; nothing is skipped, whatever Axon's gap timeout.
 *
 * <p>Rounds are serialized by a transaction-scoped advisory lock.
 */
@Component
public class AuditLog {

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  /** Advisory lock key of the appender ("AUDITLOG" in ASCII). */
  static final long APPEND_LOCK = 0x41554449544c4f47L;

  private static final String SEQUENCE =
      "pg_get_serial_sequence('domain_event_entry', 'global_index')::regclass";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final int batch;

  public AuditLog(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.batch = properties.appendBatch();
  }

  /** One leaf of the log. */
  public record Leaf(long index, long position, String eventId) {}

  /** The log's size and the last position it covers. */
  public record State(long size, long lastPosition) {}

  public State state() {
    return jdbc.queryForObject(
        "select tree_size, last_position from audit_log_state where id = 1",
        (rs, n) -> new State(rs.getLong(1), rs.getLong(2)));
  }

  /**
   * Appends the settled events not in the log yet, in the caller's transaction if there is one;
   * returns how many were appended.
   */
  public int appendSettled() {
    Integer appended = transaction.execute(status -> appendRound());
    return appended == null ? 0 : appended;
  }

  private int appendRound() {
    jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, APPEND_LOCK);
    Map<String, Object> state =
        jdbc.queryForMap(
            "select tree_size, last_position, fence_position, fence_xmax::text as fence_xmax"
                + " from audit_log_state where id = 1");
    long size = ((Number) state.get("tree_size")).longValue();
    long lastPosition = ((Number) state.get("last_position")).longValue();
    Long fencePosition =
        state.get("fence_position") == null
            ? null
            : ((Number) state.get("fence_position")).longValue();
    String fenceXmax = (String) state.get("fence_xmax");

    boolean fencePassed =
        fencePosition == null
            || Boolean.TRUE.equals(
                jdbc.queryForObject(
                    "select pg_snapshot_xmin(pg_current_snapshot()) >= ?::xid8",
                    Boolean.class,
                    fenceXmax));
    int appended = 0;
    if (fencePosition != null && fencePassed && fencePosition > lastPosition) {
      List<Object[]> rows = new ArrayList<>();
      Frontier frontier = Frontier.of(size, nodes());
      List<Frontier.Node> nodes = new ArrayList<>();
      List<Object[]> leaves = new ArrayList<>();
      jdbc.query(
          "select "
              + StoredEvents.COLUMNS
              + " from domain_event_entry e where e.global_index > ? and e.global_index <= ?"
              + " order by e.global_index limit ?",
          rs -> {
            long position = rs.getLong(1);
            byte[] leafHash = EventDocument.leafHash(StoredEvents.document(rs, 1));
            leaves.add(new Object[] {frontier.size(), position, rs.getString(2)});
            nodes.addAll(frontier.append(leafHash));
          },
          lastPosition,
          fencePosition,
          batch);
      appended = leaves.size();
      jdbc.batchUpdate(
          "insert into audit_leaf (leaf_index, position, event_id) values (?, ?, ?)", leaves);
      for (Frontier.Node node : nodes) {
        rows.add(new Object[] {node.level(), node.index(), node.hash()});
      }
      jdbc.batchUpdate("insert into audit_node (level, idx, hash) values (?, ?, ?)", rows);
      size = frontier.size();
      // a full batch may stop short of the fence: the fence stays, the next round goes on
      lastPosition =
          appended == batch ? (long) leaves.get(appended - 1)[1] : fencePosition.longValue();
    }
    if (fencePassed && (fencePosition == null || lastPosition >= fencePosition)) {
      // a new fence: first the last position taken, then (later) the next transaction id
      Long taken =
          jdbc.queryForObject("select pg_sequence_last_value(" + SEQUENCE + ")", Long.class);
      String xmax =
          jdbc.queryForObject("select pg_snapshot_xmax(pg_current_snapshot())::text", String.class);
      boolean ahead = taken != null && taken > lastPosition;
      fencePosition = ahead ? taken : null;
      fenceXmax = ahead ? xmax : null;
    }
    jdbc.update(
        "update audit_log_state set tree_size = ?, last_position = ?, fence_position = ?,"
            + " fence_xmax = ?::xid8 where id = 1",
        size,
        lastPosition,
        fencePosition,
        fenceXmax);
    if (appended > 0) {
      log.debug("audit log: appended {} events, size {}", appended, size);
    }
    return appended;
  }

  /** The log's stored perfect subtrees, read on demand and cached for the caller's use. */
  public NodeSource nodes() {
    Map<Long, byte[]> cache = new HashMap<>();
    return (level, index) ->
        cache.computeIfAbsent(
            index * 64 + level,
            key ->
                jdbc
                    .query(
                        "select hash from audit_node where level = ? and idx = ?",
                        (rs, n) -> rs.getBytes(1),
                        level,
                        index)
                    .stream()
                    .findFirst()
                    .orElseThrow(
                        () -> new IllegalStateException("no node " + level + "/" + index)));
  }

  public Optional<Leaf> leafAtPosition(long position) {
    return jdbc
        .query(
            "select leaf_index, position, event_id from audit_leaf where position = ?",
            (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3)),
            position)
        .stream()
        .findFirst();
  }

  public Optional<Leaf> leafOfEvent(String eventId) {
    return jdbc
        .query(
            "select leaf_index, position, event_id from audit_leaf where event_id = ?",
            (rs, n) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3)),
            eventId)
        .stream()
        .findFirst();
  }

  /** The stored leaf hash of leaf {@code index}. */
  public byte[] leafHash(long index) {
    return nodes().node(0, index);
  }
}
