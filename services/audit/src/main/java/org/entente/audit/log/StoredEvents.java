package org.entente.audit.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.entente.verifier.EventDocument;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads rows of Axon's event table (V1_1) as the documents the log hashes. */
@Component
public class StoredEvents {

  /** The columns of an event document, in {@link #document}'s order. */
  public static final String COLUMNS =
      "e.global_index, e.event_identifier, e.payload_type, e.payload_revision, e.type,"
          + " e.aggregate_identifier, e.sequence_number, e.time_stamp, e.payload, e.meta_data";

  private final JdbcTemplate jdbc;

  public StoredEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The document of the row whose first column is {@code from} (see {@link #COLUMNS}). */
  public static ObjectNode document(ResultSet rs, int from) throws SQLException {
    return EventDocument.of(
        rs.getLong(from),
        rs.getString(from + 1),
        rs.getString(from + 2),
        rs.getString(from + 3),
        rs.getString(from + 4),
        rs.getString(from + 5),
        rs.getLong(from + 6),
        rs.getString(from + 7),
        rs.getBytes(from + 8),
        rs.getBytes(from + 9));
  }

  /** The stored event at {@code position}, if any. */
  public Optional<ObjectNode> at(long position) {
    List<ObjectNode> found =
        jdbc.query(
            "select " + COLUMNS + " from domain_event_entry e where e.global_index = ?",
            (rs, n) -> document(rs, 1),
            position);
    return found.stream().findFirst();
  }
}
