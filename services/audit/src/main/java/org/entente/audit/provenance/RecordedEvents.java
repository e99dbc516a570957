package org.entente.audit.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.entente.audit.log.StoredEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored events of one aggregate (or citing one source) as event documents, optionally only
 * those recorded by a time: provenance is read from the record itself, the same rows the audit log
 * hashes.
 */
@Component
class RecordedEvents {

  private final JdbcTemplate jdbc;

  RecordedEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The aggregate's events in order, recorded at or before {@code asOf} (null: all). */
  List<ObjectNode> of(String aggregateId, Instant asOf) {
    List<Object> args = new ArrayList<>(List.of(aggregateId));
    String sql =
        "select "
            + StoredEvents.COLUMNS
            + " from domain_event_entry e where e.aggregate_identifier = ?";
    if (asOf != null) {
      sql += " and cast(e.time_stamp as timestamptz) <= ?";
      args.add(Timestamp.from(asOf));
    }
    return jdbc.query(
        sql + " order by e.sequence_number",
        (rs, n) -> StoredEvents.document(rs, 1),
        args.toArray());
  }

  /**
   * The statements whose events name {@code sourceId} (as a JSON string), in order of recording.
   */
  List<String> statementsCiting(String sourceId) {
    byte[] quoted =
        ("\"" + sourceId.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .getBytes(StandardCharsets.UTF_8);
    return jdbc.queryForList(
        "select aggregate_identifier from domain_event_entry where type = 'Statement'"
            + " and position(? in payload) > 0 group by aggregate_identifier"
            + " order by min(global_index)",
        String.class,
        quoted);
  }
}
