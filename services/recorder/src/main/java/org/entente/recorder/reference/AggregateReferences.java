package org.entente.recorder.reference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;
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

  private final JdbcTemplate jdbc;

  AggregateReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<AggregateReference> find(String aggregateId) {
    return query(SELECT, aggregateId);
  }

  /**
   * Reads the row and holds a share lock on it until the transaction ends: a concurrent change of
   * the aggregate (a retraction updates its row) waits for this transaction, and this read waits
   * for a change in flight and then sees it. That is what keeps "no statement at a retracted event"
   * true when the statement and the retraction are written at the same time.
   */
  public Optional<AggregateReference> findForShare(String aggregateId) {
    return query(SELECT + " for share", aggregateId);
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
