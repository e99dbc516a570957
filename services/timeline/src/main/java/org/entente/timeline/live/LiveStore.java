package org.entente.timeline.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.entente.timeline.timeline.Slot;
import org.entente.timeline.timeline.TimelineSlots;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live streams' reads, in the gap-safe order of the history (org.entente.timeline.history):
 * rows ordered by (transaction, position), after a key, only of transactions below a bound that no
 * transaction still running can write under. A row whose transaction commits late sorts after every
 * key read before it committed, so it is never skipped; rows held back by a transaction still open
 * are read once it ends.
 *
 * <p>Page rows: the bound is the oldest transaction still running ({@code
 * pg_snapshot_xmin(pg_current_snapshot())}). Events: the oldest running transaction that may append
 * events, see {@link #EVENT_BOUND}; a projection batch or any other long transaction that appends
 * no event holds back no event (with the plain xmin, every event waited for the longest of them).
 */
@Component
class LiveStore {

  private static final String XMIN = "pg_snapshot_xmin(pg_current_snapshot())";

  /**
   * The tables a transaction that appends events holds a lock on, from the moment it gets its
   * transaction id to its end: its id comes with its first write or row lock, and an append's first
   * is on one of these (the recorder's reference lookups {@code for share}, its idempotency record,
   * the events themselves); a relation lock is held until the transaction ends.
   */
  static final List<String> EVENT_WRITER_TABLES =
      List.of("domain_event_entry", "aggregate_reference", "idempotency_record");

  /**
   * The event bound: the oldest transaction of the snapshot still running that holds a lock other
   * than a plain read on one of {@link #EVENT_WRITER_TABLES}, or the snapshot's xmax when none
   * does. Taken in one statement (the snapshot at its start, the locks after it) and used in the
   * next (a later snapshot): a transaction below the bound that appends events got its id before
   * this snapshot, so it held its lock then and still would unless it ended, and then its events
   * are visible to the next statement. Matched on the 32-bit id pg_locks shows.
   */
  private static final String EVENT_BOUND =
      "with s as (select pg_current_snapshot() as snap),"
          + " writers as (select t.transactionid::text::bigint as xid from pg_locks r"
          + " join pg_locks t on t.virtualtransaction = r.virtualtransaction"
          + " and t.locktype = 'transactionid'"
          + " where r.locktype = 'relation' and r.mode <> 'AccessShareLock'"
          + " and r.database = (select oid from pg_database where datname = current_database())"
          + " and r.relation in (select to_regclass(n) from unnest(?::text[]) n))"
          + " select coalesce((select x from s, pg_snapshot_xip(s.snap) x"
          + " where x::text::bigint % 4294967296 in (select xid from writers) order by x limit 1),"
          + " (select pg_snapshot_xmax(snap) from s))::text";

  private final JdbcTemplate jdbc;
  private final EventSchema schema;
  private final ObjectMapper json;

  LiveStore(JdbcTemplate jdbc, EventSchema schema, ObjectMapper json) {
    this.jdbc = jdbc;
    this.schema = schema;
    this.json = json;
  }

  /** The key of the last event readable now (where a node starts tailing). */
  LiveKey eventHead() {
    return head(schema.domainEventTable(), schema.globalIndexColumn(), eventBound());
  }

  /** The transaction id below which every event is committed or will never be (see above). */
  String eventBound() {
    return jdbc.queryForObject(
        EVENT_BOUND,
        String.class,
        (Object)
            EVENT_WRITER_TABLES.stream()
                .map(t -> t.equals("domain_event_entry") ? schema.domainEventTable() : t)
                .toArray(String[]::new));
  }

  /** The key of the last page row readable now. */
  LiveKey rowHead() {
    return head("tl_page_row", "live_position", null);
  }

  /** The key of the event a client last received ({@code Last-Event-ID}: its global index). */
  LiveKey eventKeyOf(long globalIndex) {
    return keyOf(schema.domainEventTable(), schema.globalIndexColumn(), globalIndex);
  }

  /** The key of the page row a client last received (its position). */
  LiveKey rowKeyOf(long position) {
    return keyOf("tl_page_row", "live_position", position);
  }

  /**
   * {@code bound}: a transaction id (events), or null for the snapshot's xmin (page rows). The
   * order names the table's column ({@code h.tx_id}): a bare {@code tx_id} would name the selected
   * text and sort the ids as strings ("9" after "10"), by a sort of the whole table.
   */
  private LiveKey head(String table, String position, String bound) {
    List<LiveKey> keys =
        jdbc.query(
            "select h.tx_id::text, h."
                + position
                + " from "
                + table
                + " h where h.tx_id < "
                + (bound == null ? XMIN : "?::xid8")
                + " order by h.tx_id desc, h."
                + position
                + " desc limit 1",
            (rs, n) -> new LiveKey(rs.getString(1), rs.getLong(2)),
            bound == null ? new Object[0] : new Object[] {bound});
    return keys.isEmpty() ? LiveKey.START : keys.get(0);
  }

  /** The transaction of the row at that position (or the last one before it) with the position. */
  private LiveKey keyOf(String table, String position, long at) {
    List<String> tx =
        jdbc.queryForList(
            "select tx_id::text from "
                + table
                + " where "
                + position
                + " <= ? order by "
                + position
                + " desc limit 1",
            String.class,
            at);
    return new LiveKey(tx.isEmpty() ? "0" : tx.get(0), at);
  }

  /**
   * Up to {@code limit} events after {@code after} (and not after {@code upTo}, if given), of
   * transactions below {@code bound} ({@link #eventBound()}, taken before this call).
   */
  List<StoredEvent> events(LiveKey after, LiveKey upTo, String bound, int limit) {
    EventSchema s = schema;
    List<Object> args = new ArrayList<>();
    args.add(bound);
    String sql =
        "select e.tx_id::text, "
            + String.join(
                ", ",
                "e." + s.globalIndexColumn(),
                "e." + s.eventIdentifierColumn(),
                "e." + s.typeColumn(),
                "e." + s.aggregateIdentifierColumn(),
                "e." + s.sequenceNumberColumn(),
                "e." + s.payloadTypeColumn(),
                "e." + s.payloadRevisionColumn(),
                "e." + s.timestampColumn(),
                "e." + s.payloadColumn(),
                "e." + s.metaDataColumn())
            + ", case when e."
            + s.sequenceNumberColumn()
            + " > 0 then (select f."
            + s.payloadColumn()
            + " from "
            + s.domainEventTable()
            + " f where f."
            + s.aggregateIdentifierColumn()
            + " = e."
            + s.aggregateIdentifierColumn()
            + " and f."
            + s.sequenceNumberColumn()
            + " = 0) end from "
            + s.domainEventTable()
            + " e where e.tx_id < ?::xid8"
            + range("e", s.globalIndexColumn(), after, upTo, args)
            + " order by e.tx_id, e."
            + s.globalIndexColumn()
            + " limit ?";
    args.add(limit);
    return jdbc.query(sql, (rs, n) -> event(rs), args.toArray());
  }

  /**
   * Up to {@code limit} page rows of the live slot after {@code after} (and not after {@code upTo},
   * if given), of one owner if {@code ownerId} is given.
   */
  List<PageRow> rows(LiveKey after, LiveKey upTo, String ownerId, int limit) {
    List<Object> args = new ArrayList<>();
    String earlier =
        "select 1 from tl_page_row o where o.slot = p.slot and o.owner_id = p.owner_id"
            + " and o.entry_id = p.entry_id and o.version = p.version"
            + " and (o.tx_id, o.live_position) < (p.tx_id, p.live_position)";
    StringBuilder sql =
        new StringBuilder("select p.tx_id::text, p.live_position, p.slot, p.owner_id, p.entry_id,")
            .append(" p.version, not exists (")
            .append(earlier)
            .append("), p.direct and not exists (")
            .append(earlier)
            .append(" and o.direct), (p.event_time at time zone 'UTC')::date, p.stored_at")
            .append(" from tl_page_row p where p.slot = (select live_slot from")
            .append(" tl_projection_state where projection = ?) and p.tx_id < ")
            .append(XMIN);
    args.add(TimelineSlots.PROJECTION);
    sql.append(range("p", "live_position", after, upTo, args));
    if (ownerId != null) {
      sql.append(" and p.owner_id = ?");
      args.add(ownerId);
    }
    sql.append(" order by p.tx_id, p.live_position limit ?");
    args.add(limit);
    return jdbc.query(
        sql.toString(),
        (rs, n) ->
            new PageRow(
                new LiveKey(rs.getString(1), rs.getLong(2)),
                Slot.ofCode(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getObject(9, java.time.LocalDate.class),
                rs.getObject(10, OffsetDateTime.class).toInstant()),
        args.toArray());
  }

  private static String range(
      String alias, String position, LiveKey after, LiveKey upTo, List<Object> args) {
    String key = " and (" + alias + ".tx_id, " + alias + "." + position + ")";
    StringBuilder sql = new StringBuilder(key).append(" > (?::xid8, ?)");
    args.add(after.txId());
    args.add(after.position());
    if (upTo != null) {
      sql.append(key).append(" <= (?::xid8, ?)");
      args.add(upTo.txId());
      args.add(upTo.position());
    }
    return sql.toString();
  }

  private StoredEvent event(ResultSet rs) throws SQLException {
    LiveKey key = new LiveKey(rs.getString(1), rs.getLong(2));
    byte[] payload = rs.getBytes(10);
    StringWriter out = new StringWriter();
    try (JsonGenerator line = json.getFactory().createGenerator(out)) {
      line.writeStartObject();
      line.writeNumberField("position", key.position());
      line.writeStringField("eventId", rs.getString(3));
      line.writeStringField("type", rs.getString(7));
      if (rs.getString(8) != null) {
        line.writeStringField("revision", rs.getString(8));
      }
      line.writeStringField("aggregateType", rs.getString(4));
      line.writeStringField("aggregateId", rs.getString(5));
      line.writeNumberField("sequence", rs.getLong(6));
      line.writeStringField("timestamp", rs.getString(9));
      line.writeFieldName("payload");
      line.writeRawValue(new String(payload, StandardCharsets.UTF_8));
      byte[] metadata = rs.getBytes(11);
      line.writeFieldName("metadata");
      line.writeRawValue(metadata == null ? "{}" : new String(metadata, StandardCharsets.UTF_8));
      line.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new StoredEvent(
        key,
        rs.getString(7),
        rs.getString(5),
        payload,
        rs.getBytes(12),
        instant(rs.getString(9)),
        out.toString());
  }

  private static Instant instant(String timestamp) {
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.now();
    }
  }
}
