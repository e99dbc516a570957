package org.entente.recorder.reference;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.entente.api.actor.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads {@code aggregate_reference}, in the caller's transaction: one primary-key lookup instead of
 * a read of the aggregate's event stream.
 */
@Component
public class AggregateReferences {

  private static final String SELECT =
      "select aggregate_id, kind, actor_kind, retracted, version from aggregate_reference"
          + " where aggregate_id = ?";

  /** Rows a batch read ahead on this thread (empty: known to be absent). */
  private static final ThreadLocal<Map<String, Optional<AggregateReference>>> PREFETCHED =
      new ThreadLocal<>();

  /** Rows as a batch on this thread left them, before its commit writes them. */
  private static final ThreadLocal<Map<String, AggregateReference>> STAGED = new ThreadLocal<>();

  private final JdbcTemplate jdbc;

  /** Rows read for share in the current transaction. */
  private final TransactionMemo<Optional<AggregateReference>> lockedForShare =
      new TransactionMemo<>();

  AggregateReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AggregateReference> find(String aggregateId) {
    Optional<AggregateReference> staged = staged(aggregateId);
    if (staged.isPresent()) {
      return staged;
    }
    Map<String, Optional<AggregateReference>> prefetched = PREFETCHED.get();
    if (prefetched != null && aggregateId != null && prefetched.containsKey(aggregateId)) {
      return prefetched.get(aggregateId);
    }
    return query(SELECT, aggregateId);
  }

  /**
   * Reads the rows of {@code ids} in one round trip, and those of {@code forShare} in another that
   * also locks them for share until the transaction ends (as {@link #findForShare} does one by
   * one); until {@link Prefetch#close()}, {@link #find} answers for them on this thread without
   * asking the database, and for rows {@link #stage staged} by the batch; {@link #findForShare}
   * answers for the locked ones for the rest of the transaction. The rows a batch changes are
   * written when it commits, and a row another transaction changed meanwhile fails the batch's
   * append (see {@link ReferenceWriter}).
   */
  public Prefetch prefetch(Collection<String> ids, Collection<String> forShare) {
    Map<String, Optional<AggregateReference>> rows = new HashMap<>();
    List<String> locking = wanted(forShare);
    Set<String> locked = Set.copyOf(locking);
    List<String> reading = wanted(ids).stream().filter(id -> !locked.contains(id)).toList();
    reading.forEach(id -> rows.put(id, Optional.empty()));
    read(reading, "", row -> rows.put(row.aggregateId(), Optional.of(row)));
    locking.forEach(id -> rows.put(id, Optional.empty()));
    // in a fixed order, so two batches locking the same rows do not wait on each other in turn
    read(
        locking,
        " order by aggregate_id for share",
        row -> {
          rows.put(row.aggregateId(), Optional.of(row));
          lockedForShare.put(row.aggregateId(), Optional.of(row));
        });
    PREFETCHED.set(rows);
    STAGED.set(new HashMap<>());
    return () -> {
      PREFETCHED.remove();
      STAGED.remove();
    };
  }

  private static List<String> wanted(Collection<String> ids) {
    return ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
  }

  private void read(List<String> ids, String suffix, Consumer<AggregateReference> found) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.query(
        connection -> {
          PreparedStatement select =
              connection.prepareStatement(
                  "select aggregate_id, kind, actor_kind, retracted, version"
                      + " from aggregate_reference where aggregate_id = any(?::varchar[])"
                      + suffix);
          select.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
          return select;
        },
        (RowCallbackHandler) rs -> found.accept(row(rs, 0)));
  }

  /** Ends a {@link #prefetch}. */
  public interface Prefetch extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Reads the row and holds a share lock on it until the transaction ends: a concurrent change of
   * the aggregate (a retraction updates its row) waits for this transaction, and this read waits
   * for a change in flight and then sees it. That is what keeps "no statement at a retracted event"
   * true when the statement and the retraction are written at the same time.
   */
  public Optional<AggregateReference> findForShare(String aggregateId) {
    // a row the batch on this thread changed is written (and locked) by it when it commits
    Optional<AggregateReference> staged = staged(aggregateId);
    if (staged.isPresent()) {
      return staged;
    }
    // locked before in this transaction: the row cannot have changed since (this transaction's
    // own changes are staged, and written when it commits)
    Optional<AggregateReference> locked = lockedForShare.get(aggregateId);
    if (locked != null) {
      return locked;
    }
    Optional<AggregateReference> read = query(SELECT + " for share", aggregateId);
    // an absent row locks nothing: asked again, it is read again
    read.ifPresent(row -> lockedForShare.put(aggregateId, read));
    return read;
  }

  /**
   * Notes the row as a command of the batch on this thread left it, so the batch's later commands
   * see it before it is written. Only while a {@link #prefetch} is open.
   */
  public void stage(AggregateReference row) {
    Map<String, AggregateReference> staged = STAGED.get();
    if (staged != null) {
      staged.put(row.aggregateId(), row);
    }
  }

  private static Optional<AggregateReference> staged(String aggregateId) {
    Map<String, AggregateReference> staged = STAGED.get();
    return staged == null || aggregateId == null
        ? Optional.empty()
        : Optional.ofNullable(staged.get(aggregateId));
  }

  private Optional<AggregateReference> query(String sql, String aggregateId) {
    if (aggregateId == null || aggregateId.isBlank()) {
      return Optional.empty();
    }
    List<AggregateReference> rows = jdbc.query(sql, AggregateReferences::row, aggregateId);
    return rows.stream().findFirst();
  }

  private static AggregateReference row(ResultSet rs, int i) throws SQLException {
    String actorKind = rs.getString("actor_kind");
    return new AggregateReference(
        rs.getString("aggregate_id"),
        ReferenceKind.valueOf(rs.getString("kind")),
        actorKind == null ? null : ActorKind.valueOf(actorKind),
        rs.getBoolean("retracted"),
        rs.getLong("version"));
  }
}
