package org.entente.timeline.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.entente.timeline.config.TimelineProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams stored events straight from the event store table as NDJSON, one line per event, through
 * a database cursor: rows are fetched {@code fetchSize} at a time inside a read-only transaction
 * and written as they come, so memory stays flat however long the history is.
 *
 * <p>Gap-safe: a position is taken when an event is inserted, but its transaction may commit after
 * a later position did. Reading in position order and resuming {@code after} the last position read
 * would skip such a late event. So the history serves only events of transactions older than every
 * transaction still running ({@code tx_id < pg_snapshot_xmin(pg_current_snapshot())}), in the order
 * (transaction, position), and resumes after the (transaction, position) of the {@code after}
 * event: whatever commits later sorts after everything already served. A transaction held open
 * holds back the events stored after it began; a request first waits up to {@code settle-timeout}
 * for the transactions running when it came to finish.
 */
@Component
public class HistoryStream {

  private final JdbcTemplate cursor;
  private final TransactionTemplate readOnly;
  private final EventSchema schema;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final Duration settleTimeout;

  /** The column (xid8) holding the id of the transaction that stored the event (V2_20). */
  static final String TX_ID = "tx_id";

  public HistoryStream(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      EventSchema schema,
      ObjectMapper json,
      TimelineProperties properties) {
    // PostgreSQL streams a result set only with a fetch size and autocommit off (a transaction).
    this.cursor = new JdbcTemplate(jdbc.getDataSource());
    this.cursor.setFetchSize(properties.getHistory().getFetchSize());
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.schema = schema;
    this.json = json;
    this.jdbc = jdbc;
    this.settleTimeout = properties.getHistory().getSettleTimeout();
  }

  /**
   * Waits (briefly) until no running transaction holds back an event that is already visible: the
   * oldest running transaction is younger than the newest stored event's. Short writes finish in
   * milliseconds; a transaction held open longer only delays what it holds back, never loses it.
   */
  void settle() {
    long deadline = System.nanoTime() + settleTimeout.toNanos();
    // (xid8 has no max(); the newest by the (tx_id, global_index) index)
    String sql =
        "select coalesce((select "
            + TX_ID
            + " from "
            + schema.domainEventTable()
            + " order by "
            + TX_ID
            + " desc limit 1) < pg_snapshot_xmin(pg_current_snapshot()), true)";
    while (!Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class))
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Writes the matching events to {@code out}; returns how many were written. */
  public long write(HistoryQuery query, OutputStream out) {
    List<Object> args = new ArrayList<>();
    settle();
    String sql = sql(query, args);
    long[] written = {0};
    readOnly.executeWithoutResult(
        status -> {
          try {
            JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
            generator.setRootValueSeparator(null);
            cursor.query(
                sql,
                rs -> {
                  line(rs, generator);
                  written[0]++;
                },
                args.toArray());
            generator.flush();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return written[0];
  }

  private String sql(HistoryQuery query, List<Object> args) {
    EventSchema s = schema;
    StringBuilder sql =
        new StringBuilder("select ")
            .append(
                String.join(
                    ", ",
                    s.globalIndexColumn(),
                    s.eventIdentifierColumn(),
                    s.typeColumn(),
                    s.aggregateIdentifierColumn(),
                    s.sequenceNumberColumn(),
                    s.payloadTypeColumn(),
                    s.payloadRevisionColumn(),
                    s.timestampColumn(),
                    s.payloadColumn(),
                    s.metaDataColumn()))
            .append(" from ")
            .append(s.domainEventTable())
            .append(" where ")
            .append(TX_ID)
            .append(" < (select pg_snapshot_xmin(pg_current_snapshot()))");
    if (query.after() != null) {
      // after the event at that position (or the last one before it), in (transaction, position)
      sql.append(" and (")
          .append(TX_ID)
          .append(", ")
          .append(s.globalIndexColumn())
          .append(") > (coalesce((select r.")
          .append(TX_ID)
          .append(" from ")
          .append(s.domainEventTable())
          .append(" r where r.")
          .append(s.globalIndexColumn())
          .append(" <= ? order by r.")
          .append(s.globalIndexColumn())
          .append(" desc limit 1), '0'::xid8), ?)");
      args.add(query.after());
      args.add(query.after());
    }
    if (query.aggregateId() != null) {
      sql.append(" and ").append(s.aggregateIdentifierColumn()).append(" = ?");
      args.add(query.aggregateId());
    }
    if (query.actorId() != null) {
      // The actor's own stream, any event whose payload holds the id as a JSON string value, and
      // every event of an aggregate whose first event did (a statement's later corrections).
      byte[] quoted = quotedJson(query.actorId());
      sql.append(" and (")
          .append(s.aggregateIdentifierColumn())
          .append(" = ? or position(? in ")
          .append(s.payloadColumn())
          .append(") > 0 or ")
          .append(s.aggregateIdentifierColumn())
          .append(" in (select ")
          .append(s.aggregateIdentifierColumn())
          .append(" from ")
          .append(s.domainEventTable())
          .append(" where ")
          .append(s.sequenceNumberColumn())
          .append(" = 0 and position(? in ")
          .append(s.payloadColumn())
          .append(") > 0))");
      args.add(query.actorId());
      args.add(quoted);
      args.add(quoted);
    }
    if (!query.types().isEmpty()) {
      List<String> alternatives = new ArrayList<>();
      for (String type : query.types()) {
        alternatives.add(s.payloadTypeColumn() + " = ?");
        args.add(type);
        if (!type.contains(".")) {
          alternatives.add(s.payloadTypeColumn() + " like ?");
          args.add("%." + type.replace("%", "\\%").replace("_", "\\_"));
        }
      }
      sql.append(" and (").append(String.join(" or ", alternatives)).append(")");
    }
    if (query.recordedFrom() != null) {
      sql.append(" and cast(").append(s.timestampColumn()).append(" as timestamptz) >= ?");
      args.add(java.time.OffsetDateTime.ofInstant(query.recordedFrom(), java.time.ZoneOffset.UTC));
    }
    if (query.recordedTo() != null) {
      sql.append(" and cast(").append(s.timestampColumn()).append(" as timestamptz) < ?");
      args.add(java.time.OffsetDateTime.ofInstant(query.recordedTo(), java.time.ZoneOffset.UTC));
    }
    sql.append(" order by ").append(TX_ID).append(", ").append(s.globalIndexColumn());
    if (query.limit() != null) {
      sql.append(" limit ?");
      args.add(query.limit());
    }
    return sql.toString();
  }

  private byte[] quotedJson(String value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void line(ResultSet rs, JsonGenerator out) throws java.sql.SQLException {
    try {
      out.writeStartObject();
      out.writeNumberField("position", rs.getLong(1));
      out.writeStringField("eventId", rs.getString(2));
      out.writeStringField("type", rs.getString(6));
      if (rs.getString(7) != null) {
        out.writeStringField("revision", rs.getString(7));
      }
      out.writeStringField("aggregateType", rs.getString(3));
      out.writeStringField("aggregateId", rs.getString(4));
      out.writeNumberField("sequence", rs.getLong(5));
      out.writeStringField("timestamp", rs.getString(8));
      out.writeFieldName("payload");
      out.writeRawValue(new String(rs.getBytes(9), StandardCharsets.UTF_8));
      byte[] metadata = rs.getBytes(10);
      out.writeFieldName("metadata");
      out.writeRawValue(metadata == null ? "{}" : new String(metadata, StandardCharsets.UTF_8));
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
