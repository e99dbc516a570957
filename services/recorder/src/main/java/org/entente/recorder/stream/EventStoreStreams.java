package org.entente.recorder.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads an aggregate's stream straight from the event store table, bypassing Axon, so what an
 * auditor sees is exactly what is stored: payload and metadata bytes as JSON, untouched by
 * upcasters or deserialisation.
 */
@Component
public class EventStoreStreams {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  EventStoreStreams(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<AggregateStream> read(String aggregateId) {
    List<StoredEvent> events =
        jdbc.query(
            "select global_index, sequence_number, type, payload_type, payload_revision,"
                + " time_stamp, event_identifier, payload, meta_data"
                + " from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number",
            (rs, i) ->
                new StoredEvent(
                    rs.getLong("global_index"),
                    rs.getLong("sequence_number"),
                    rs.getString("type"),
                    rs.getString("payload_type"),
                    rs.getString("payload_revision"),
                    rs.getString("time_stamp"),
                    rs.getString("event_identifier"),
                    asJson(rs.getBytes("payload")),
                    asJson(rs.getBytes("meta_data"))),
            aggregateId);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    StoredEvent last = events.get(events.size() - 1);
    return Optional.of(
        new AggregateStream(aggregateId, last.aggregateType(), last.sequenceNumber(), events));
  }

  /** Stored JSON as a JSON value; anything else (never written by us) as its text. */
  private JsonNode asJson(byte[] stored) {
    if (stored == null) {
      return null;
    }
    try {
      return json.readTree(stored);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(new String(stored, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
