package org.entente.audit.verify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification runs in {@code audit_verification}: written when queued, on progress, on a heartbeat
 * and when finished, each in its own transaction (a run reads the event table in a long read-only
 * one). A run still marked QUEUED or RUNNING whose process has shown no sign of life for {@link
 * #STALE} was cut short by a stop or crash and reads back as INTERRUPTED.
 */
@Component
class VerificationStore {

  /** No progress or heartbeat for this long: the run's process is gone. */
  static final Duration STALE = Duration.ofSeconds(60);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  VerificationStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void insert(Verification run) {
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "insert into audit_verification (id, state, checked, total, started_at, updated_at)"
                    + " values (?, ?, 0, 0, ?, now())",
                run.id(),
                run.state().name(),
                Timestamp.from(run.startedAt())));
  }

  /** Its state and progress now; also the heartbeat of a run that has not moved. */
  void save(Verification run) {
    Verification.Mismatch mismatch = run.mismatch();
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "update audit_verification set state = ?, checked = ?, total = ?,"
                    + " finished_at = ?, updated_at = now(), mismatch_position = ?,"
                    + " mismatch_leaf_index = ?, mismatch_reason = ?, error = ? where id = ?",
                run.state().name(),
                run.checked(),
                run.total(),
                run.finishedAt() == null ? null : Timestamp.from(run.finishedAt()),
                mismatch == null ? null : mismatch.position(),
                mismatch == null ? null : mismatch.leafIndex(),
                mismatch == null ? null : mismatch.reason(),
                run.error(),
                run.id()));
  }

  /** Heartbeats of the runs this process holds, so other readers do not think them gone. */
  void heartbeat(Collection<String> ids) {
    if (!ids.isEmpty()) {
      own.executeWithoutResult(
          status ->
              jdbc.update(
                  "update audit_verification set updated_at = now() where id = any (?)",
                  (Object) ids.toArray(String[]::new)));
    }
  }

  /**
   * A stored run; one left QUEUED or RUNNING by a process that is gone is marked INTERRUPTED
   * (stored so, with the progress it had reached).
   */
  Optional<Verification> find(String id) {
    own.executeWithoutResult(
        status ->
            jdbc.update(
                "update audit_verification set state = 'INTERRUPTED', finished_at = now(),"
                    + " error = 'the service stopped while this verification ran (at '"
                    + " || checked || ' of ' || total || '); POST /api/audit/verify to run it again'"
                    + " where id = ? and state in ('QUEUED', 'RUNNING') and updated_at < ?",
                id,
                Timestamp.from(Instant.now().minus(STALE))));
    return jdbc
        .query("select * from audit_verification where id = ?", VerificationStore::row, id)
        .stream()
        .findFirst();
  }

  /** The latest runs, newest first, each as {@link #find} reads it. */
  List<Verification> latest(int limit) {
    return jdbc
        .queryForList(
            "select id from audit_verification order by started_at desc limit ?",
            String.class,
            limit)
        .stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .toList();
  }

  private static Verification row(ResultSet rs, int n) throws SQLException {
    Long position = rs.getObject("mismatch_position", Long.class);
    Long leafIndex = rs.getObject("mismatch_leaf_index", Long.class);
    String reason = rs.getString("mismatch_reason");
    Timestamp finished = rs.getTimestamp("finished_at");
    return new Verification(
        rs.getString("id"),
        rs.getTimestamp("started_at").toInstant(),
        Verification.State.valueOf(rs.getString("state")),
        rs.getLong("checked"),
        rs.getLong("total"),
        finished == null ? null : finished.toInstant(),
        reason == null ? null : new Verification.Mismatch(position, leafIndex, reason),
        rs.getString("error"));
  }
}
