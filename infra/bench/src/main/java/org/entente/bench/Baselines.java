package org.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the raw database does with the same work, measured in the same run on the same PostgreSQL:
 * the baseline every figure is compared with. Scratch tables are named {@code bench_*}; the
 * service's own tables are only read ({@code domain_event_entry}).
 */
public final class Baselines {

  /** The layout of Axon's event table (as services/recorder creates it), for scratch copies. */
  static final String EVENT_TABLE_COLUMNS =
      "(global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,"
          + " meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255),"
          + " payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,"
          + " aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL,"
          + " type VARCHAR(255), UNIQUE (aggregate_identifier, sequence_number))";

  static final String INSERT_EVENT =
      "INSERT INTO %s (event_identifier, meta_data, payload, payload_revision, payload_type,"
          + " time_stamp, aggregate_identifier, sequence_number, type)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final ServiceProcess.Database db;

  /** Connections the last {@link #singleRowCommits} used (fewer than clients on a full server). */
  public int lastConnections;

  public Baselines(ServiceProcess.Database db) {
    this.db = db;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  /** SHOW of the settings that make commits durable, plus the server version. */
  public Map<String, String> settings() throws SQLException {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String name :
          List.of(
              "fsync",
              "synchronous_commit",
              "full_page_writes",
              "wal_sync_method",
              "shared_buffers",
              "max_connections",
              "server_version")) {
        try (ResultSet rs = s.executeQuery("SHOW " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    }
    return settings;
  }

  /**
   * The position of a streaming processor's token (its lowest segment's), read from the index in
   * its JSON (a gap-aware token, or one wrapped in a replay token); null when it has none.
   */
  public Long tokenPosition(String processor) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT min(substring(convert_from(token, 'UTF8') from '\"index\":([0-9]+)')"
                    + "::bigint) FROM token_entry WHERE processor_name = ?")) {
      s.setString(1, processor);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long position = rs.getLong(1);
        return rs.wasNull() ? null : position;
      }
    }
  }

  public long count(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public void execute(String... sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  /** A fresh scratch copy of the event table's layout. */
  public void scratchEventTable(String name) throws SQLException {
    execute("DROP TABLE IF EXISTS " + name, "CREATE TABLE " + name + " " + EVENT_TABLE_COLUMNS);
  }

  /**
   * Single-row INSERT + COMMIT of an event-sized row per operation, {@code clients} connections
   * (the HTTP ingest's baseline: what one durable commit per statement costs the database).
   */
  public Load.Result singleRowCommits(
      Load load, String phase, int clients, java.time.Duration time, byte[] payload, byte[] meta)
      throws Exception {
    String table = "bench_single_" + clients;
    scratchEventTable(table);
    List<Connection> connections = new ArrayList<>();
    List<PreparedStatement> statements = new ArrayList<>();
    // a shared server may not have a connection per client to spare: clients then share
    int available =
        (int)
            (Long.parseLong(settings().get("max_connections"))
                - count("SELECT count(*) FROM pg_stat_activity")
                - 20);
    lastConnections = Math.max(1, Math.min(clients, available));
    try {
      for (int i = 0; i < lastConnections; i++) {
        Connection c = connect();
        c.setAutoCommit(true);
        connections.add(c);
        statements.add(c.prepareStatement(String.format(INSERT_EVENT, table)));
      }
      return load.run(
          phase,
          clients,
          Long.MAX_VALUE,
          time,
          (client, n) -> {
            PreparedStatement ps = statements.get(client % statements.size());
            synchronized (ps) {
              bindEvent(ps, "single-" + n, 0, payload, meta);
              ps.executeUpdate();
            }
          });
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      execute("DROP TABLE IF EXISTS " + table);
    }
  }

  private static void bindEvent(
      PreparedStatement ps, String aggregate, long seq, byte[] p, byte[] m) throws SQLException {
    ps.setString(1, UUID.randomUUID().toString());
    ps.setBytes(2, m);
    ps.setBytes(3, p);
    ps.setString(4, null);
    ps.setString(5, "org.entente.api.statement.StatementRecorded");
    ps.setString(6, Instant.now().toString());
    ps.setString(7, aggregate);
    ps.setLong(8, seq);
    ps.setString(9, "Statement");
  }

  /** One stored event row, as read from the event table. */
  public record EventRow(
      byte[] meta,
      byte[] payload,
      String revision,
      String payloadType,
      String timestamp,
      String aggregate,
      long sequence,
      String type) {}

  /** The first {@code limit} rows of the service's event table, in global order. */
  public List<EventRow> eventRows(int limit) throws SQLException {
    List<EventRow> rows = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT meta_data, payload, payload_revision, payload_type, time_stamp,"
                    + " aggregate_identifier, sequence_number, type FROM domain_event_entry"
                    + " ORDER BY global_index LIMIT ?")) {
      c.setAutoCommit(false);
      ps.setFetchSize(1000);
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new EventRow(
                  rs.getBytes(1),
                  rs.getBytes(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getLong(7),
                  rs.getString(8)));
        }
      }
      c.commit();
    }
    return rows;
  }

  /** Batched INSERT of the same rows the import stored, one commit per batch: rows/s. */
  public double batchedInsert(List<EventRow> rows, int batch, TimeSeries series)
      throws SQLException {
    String table = "bench_batched";
    scratchEventTable(table);
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(String.format(INSERT_EVENT, table))) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      int pending = 0;
      for (EventRow row : rows) {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setBytes(2, row.meta());
        ps.setBytes(3, row.payload());
        ps.setString(4, row.revision());
        ps.setString(5, row.payloadType());
        ps.setString(6, row.timestamp());
        ps.setString(7, row.aggregate());
        ps.setLong(8, row.sequence());
        ps.setString(9, row.type());
        ps.addBatch();
        if (++pending == batch) {
          ps.executeBatch();
          c.commit();
          series.count("baseline: batched insert", System.nanoTime(), pending);
          pending = 0;
        }
      }
      ps.executeBatch();
      c.commit();
      series.count("baseline: batched insert", System.nanoTime(), pending);
      double seconds = (System.nanoTime() - start) / 1e9;
      return rows.size() / seconds;
    } finally {
      execute("DROP TABLE IF EXISTS " + table);
    }
  }

  /** Reads the whole event table in global order through a cursor: rows/s and rows read. */
  public double[] sequentialRead(TimeSeries series) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT global_index, event_identifier, meta_data, payload, payload_type,"
                    + " time_stamp, aggregate_identifier, sequence_number, type"
                    + " FROM domain_event_entry ORDER BY global_index")) {
      c.setAutoCommit(false);
      ps.setFetchSize(1000);
      long start = System.nanoTime();
      long rows = 0;
      long bytes = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          bytes += rs.getBytes(4).length + rs.getString(2).length();
          byte[] meta = rs.getBytes(3);
          bytes += meta == null ? 0 : meta.length;
          if (rows % 1000 == 0) {
            series.count("baseline: sequential read", System.nanoTime(), 1000);
          }
        }
      }
      c.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      return new double[] {rows / seconds, rows, bytes};
    }
  }

  // --- page baselines: plain indexed tables for the same rows the service's pages return --------

  /**
   * Builds {@code bench_entry} (entry id, event time, the entry's JSON), {@code bench_actor_page}
   * and {@code bench_group_page} (one row per actor or group an entry belongs on, group reach
   * resolved with the membership and role periods), {@code bench_interaction} (statements between
   * members of a group) and {@code bench_cohesion_day} (per group and day, Σ weight and Σ|weight|),
   * from the generated history, each with the index its query needs.
   */
  public void buildPageTables(Path history, HistoryGenerator generator)
      throws IOException, SQLException {
    execute(
        "DROP TABLE IF EXISTS bench_entry, bench_actor_page, bench_group_page, bench_interaction,"
            + " bench_cohesion_day",
        "CREATE TABLE bench_entry (entry_id TEXT PRIMARY KEY, event_time TIMESTAMPTZ NOT NULL,"
            + " doc JSONB NOT NULL)",
        "CREATE TABLE bench_actor_page (actor_id TEXT NOT NULL, event_time TIMESTAMPTZ NOT NULL,"
            + " entry_id TEXT NOT NULL, PRIMARY KEY (actor_id, event_time, entry_id))",
        "CREATE TABLE bench_group_page (group_id TEXT NOT NULL, event_time TIMESTAMPTZ NOT NULL,"
            + " entry_id TEXT NOT NULL, PRIMARY KEY (group_id, event_time, entry_id))",
        "CREATE TABLE bench_interaction (group_id TEXT NOT NULL, said_at TIMESTAMPTZ NOT NULL,"
            + " statement_id TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,"
            + " weight DOUBLE PRECISION NOT NULL, grade TEXT NOT NULL)",
        "CREATE TABLE bench_cohesion_day (group_id TEXT NOT NULL, day DATE NOT NULL,"
            + " s DOUBLE PRECISION NOT NULL, a DOUBLE PRECISION NOT NULL,"
            + " PRIMARY KEY (group_id, day))");
    Map<String, List<HistoryGenerator.Membership>> membershipsOf = new HashMap<>();
    for (HistoryGenerator.Membership m : generator.memberships()) {
      membershipsOf.computeIfAbsent(m.actorId(), k -> new ArrayList<>()).add(m);
    }
    Map<String, List<HistoryGenerator.Role>> rolesOf = new HashMap<>();
    for (HistoryGenerator.Role r : generator.roles()) {
      rolesOf.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
    }
    Set<String> groupIds = new LinkedHashSet<>(generator.groups());
    Map<String, double[]> cohesion = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Connection c = connect();
        BufferedReader in = Files.newBufferedReader(history, StandardCharsets.UTF_8);
        PreparedStatement entry =
            c.prepareStatement(
                "INSERT INTO bench_entry VALUES (?, ?, ?::jsonb) ON CONFLICT DO NOTHING");
        PreparedStatement actorPage =
            c.prepareStatement(
                "INSERT INTO bench_actor_page VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement groupPage =
            c.prepareStatement(
                "INSERT INTO bench_group_page VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        PreparedStatement interaction =
            c.prepareStatement("INSERT INTO bench_interaction VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      String line;
      int pending = 0;
      while ((line = in.readLine()) != null) {
        JsonNode node = json.readTree(line);
        String command = node.path("command").asText();
        JsonNode body = node.path("body");
        String id;
        Instant at;
        List<String> actors = new ArrayList<>();
        if (command.equals("RecordStatement")) {
          id = body.path("statementId").asText();
          at = Instant.parse(body.path("saidAt").path("at").asText());
          actors.add(body.path("speakerId").asText());
          body.path("targetIds").forEach(t -> actors.add(t.asText()));
        } else if (command.equals("RecordDiplomaticEvent")) {
          id = body.path("eventId").asText();
          at = Instant.parse(body.path("time").path("at").asText());
          body.path("participants").forEach(p -> actors.add(p.path("actorId").asText()));
        } else {
          continue;
        }
        Timestamp time = Timestamp.from(at);
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        entry.setString(1, id);
        entry.setTimestamp(2, time);
        entry.setString(3, body.toString());
        entry.addBatch();
        Map<String, Set<String>> groupsOfActor = new LinkedHashMap<>();
        for (String actor : new LinkedHashSet<>(actors)) {
          actorPage.setString(1, actor);
          actorPage.setTimestamp(2, time);
          actorPage.setString(3, id);
          actorPage.addBatch();
          groupsOfActor.put(actor, groupsAt(actor, day, groupIds, membershipsOf, rolesOf));
        }
        Set<String> groups = new LinkedHashSet<>();
        groupsOfActor.values().forEach(groups::addAll);
        for (String group : groups) {
          groupPage.setString(1, group);
          groupPage.setTimestamp(2, time);
          groupPage.setString(3, id);
          groupPage.addBatch();
        }
        if (command.equals("RecordStatement")) {
          String speaker = actors.get(0);
          double weight = body.path("weight").path("value").asDouble();
          String grade = body.path("citations").path(0).path("grade").asText("ALLEGED_UNCONFIRMED");
          for (String target : actors.subList(1, actors.size())) {
            for (String group : groupsOfActor.get(speaker)) {
              if (groupsOfActor.getOrDefault(target, Set.of()).contains(group)
                  && !group.equals(target)) {
                interaction.setString(1, group);
                interaction.setTimestamp(2, time);
                interaction.setString(3, id);
                interaction.setString(4, speaker);
                interaction.setString(5, target);
                interaction.setDouble(6, weight);
                interaction.setString(7, grade);
                interaction.addBatch();
                double[] sums = cohesion.computeIfAbsent(group + "|" + day, k -> new double[2]);
                sums[0] += weight;
                sums[1] += Math.abs(weight);
              }
            }
          }
        }
        if (++pending == 2_000) {
          entry.executeBatch();
          actorPage.executeBatch();
          groupPage.executeBatch();
          interaction.executeBatch();
          c.commit();
          pending = 0;
        }
      }
      entry.executeBatch();
      actorPage.executeBatch();
      groupPage.executeBatch();
      interaction.executeBatch();
      try (PreparedStatement day =
          c.prepareStatement("INSERT INTO bench_cohesion_day VALUES (?, ?, ?, ?)")) {
        for (Map.Entry<String, double[]> e : cohesion.entrySet()) {
          String[] key = e.getKey().split("\\|");
          day.setString(1, key[0]);
          day.setObject(2, LocalDate.parse(key[1]));
          day.setDouble(3, e.getValue()[0]);
          day.setDouble(4, e.getValue()[1]);
          day.addBatch();
        }
        day.executeBatch();
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("CREATE INDEX ON bench_interaction (group_id, said_at)");
        s.execute(
            "ANALYZE bench_entry, bench_actor_page, bench_group_page, bench_interaction,"
                + " bench_cohesion_day");
      }
      c.commit();
    }
  }

  /** The groups an actor speaks within on a day: its own memberships, or its role holder's. */
  static Set<String> groupsAt(
      String actor,
      LocalDate day,
      Set<String> groupIds,
      Map<String, List<HistoryGenerator.Membership>> memberships,
      Map<String, List<HistoryGenerator.Role>> roles) {
    Set<String> groups = new LinkedHashSet<>();
    if (groupIds.contains(actor)) {
      groups.add(actor);
    }
    for (HistoryGenerator.Membership m : memberships.getOrDefault(actor, List.of())) {
      if (covers(m.from(), m.to(), day)) {
        groups.add(m.groupId());
      }
    }
    for (HistoryGenerator.Role r : roles.getOrDefault(actor, List.of())) {
      if (!covers(r.from(), r.to(), day)) {
        continue;
      }
      if (groupIds.contains(r.atActorId())) {
        groups.add(r.atActorId());
      }
      for (HistoryGenerator.Membership m : memberships.getOrDefault(r.atActorId(), List.of())) {
        if (covers(m.from(), m.to(), day)) {
          groups.add(m.groupId());
        }
      }
    }
    return groups;
  }

  private static boolean covers(LocalDate from, LocalDate to, LocalDate day) {
    return !day.isBefore(from) && (to == null || !day.isAfter(to));
  }

  /** The most populated pages of a table: whose pages the query phase reads. */
  public List<String> busiest(String table, String column, int limit) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + column
                    + " FROM "
                    + table
                    + " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT "
                    + limit)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  /** The plain indexed query of each page kind, for {@code clients} connections. */
  public static final String ACTOR_PAGE_SQL =
      "SELECT e.entry_id, e.event_time, e.doc FROM bench_actor_page p"
          + " JOIN bench_entry e ON e.entry_id = p.entry_id"
          + " WHERE p.actor_id = ? ORDER BY p.event_time, p.entry_id LIMIT 50";

  public static final String GROUP_PAGE_SQL =
      "SELECT e.entry_id, e.event_time, e.doc FROM bench_group_page p"
          + " JOIN bench_entry e ON e.entry_id = p.entry_id"
          + " WHERE p.group_id = ? ORDER BY p.event_time, p.entry_id LIMIT 50";

  public static final String COHESION_SQL =
      "SELECT day, s, a FROM bench_cohesion_day WHERE group_id = ?"
          + " AND day BETWEEN ?::date AND ?::date ORDER BY day";

  public static final String WHAT_IF_SQL =
      "SELECT said_at, a, b, weight, grade FROM bench_interaction WHERE group_id = ?"
          + " AND said_at < ?::date + 1 ORDER BY said_at";

  /** Runs {@code sql} with the ids in turn (and the two extra parameters, when given). */
  public Load.Result queries(
      Load load,
      String phase,
      int clients,
      long requests,
      String sql,
      List<String> ids,
      String from,
      String to)
      throws Exception {
    int count = (int) sql.chars().filter(ch -> ch == '?').count();
    List<Connection> connections = new ArrayList<>();
    List<PreparedStatement> statements = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        Connection c = connect();
        connections.add(c);
        statements.add(c.prepareStatement(sql));
      }
      return load.run(
          phase,
          clients,
          requests,
          java.time.Duration.ofMinutes(30),
          (client, n) -> {
            PreparedStatement ps = statements.get(client);
            ps.setString(1, ids.get((int) (n % ids.size())));
            if (count >= 2) {
              ps.setString(2, count == 2 ? to : from);
            }
            if (count >= 3) {
              ps.setString(3, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rs.getString(1);
              }
            }
          });
    } finally {
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** The stored interactions of a group (what a what-if recomputes from). */
  public long interactions(String groupId) throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM bench_interaction WHERE group_id = ?")) {
      ps.setString(1, groupId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
