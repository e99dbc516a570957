package org.entente.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of issue 7: generates a history, runs the standalone service on durable PostgreSQL
 * as a child JVM, drives it through its HTTP API and writes a report in which every figure stands
 * beside a baseline measured on the same database in the same run.
 *
 * <pre>
 * java -jar infra/bench/target/entente-bench.jar --mode=quick|100k|1m [--option=value ...]
 * </pre>
 *
 * See infra/bench/README.md for the options and what each figure means.
 */
public final class Bench {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Command-line options, {@code --name=value}. */
  record Options(Map<String, String> values) {

    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (String arg : args) {
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException("options look like --name=value, not " + arg);
        }
        int eq = arg.indexOf('=');
        values.put(
            eq < 0 ? arg.substring(2) : arg.substring(2, eq),
            eq < 0 ? "true" : arg.substring(eq + 1));
      }
      return new Options(values);
    }

    String get(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(get(name, String.valueOf(fallback)).replace("_", ""));
    }

    boolean flag(String name, boolean fallback) {
      return Boolean.parseBoolean(get(name, String.valueOf(fallback)));
    }
  }

  private final Options options;
  private final String mode;
  private final boolean quick;
  private final Report report = new Report();
  private final TimeSeries series = new TimeSeries();
  private final Load load = new Load(series);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Path work;
  private final Path out;
  private ServiceProcess service;
  private int embeddedPgPort;
  private int kafkaPort;
  private int kafkaControllerPort;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres managed;

  Bench(Options options) {
    this.options = options;
    this.mode = options.get("mode", "quick").toLowerCase(Locale.ROOT);
    this.quick = mode.equals("quick");
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    this.work = Path.of(options.get("work", "infra/bench/target/work/" + stamp)).toAbsolutePath();
    this.out =
        Path.of(
                options.get(
                    "out",
                    quick
                        ? "infra/bench/target/reports/" + stamp + "-quick"
                        : "infra/bench/reports/" + stamp + "-" + mode))
            .toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    Bench bench = new Bench(Options.parse(args));
    // a benchmark stopped from outside (Ctrl-C, SIGTERM) takes its service and database along
    Thread cleanup =
        new Thread(
            () -> {
              bench.stopService();
              bench.stopManaged();
            });
    Runtime.getRuntime().addShutdownHook(cleanup);
    int status;
    try {
      status = bench.run();
    } catch (Exception e) {
      System.err.println("[bench] FAILED: " + e);
      e.printStackTrace();
      status = 1;
    } finally {
      bench.stopService();
      bench.stopManaged();
    }
    Runtime.getRuntime().removeShutdownHook(cleanup);
    System.exit(status);
  }

  /** Stops the service and the managed database, or drops the external one this run created. */
  private void release(ServiceProcess.Database external) throws Exception {
    stopService();
    if (managed != null) {
      managed.close();
      managed = null;
    } else if (external != null && options.flag("fresh-database", true)) {
      dropExternal(external);
    }
  }

  /** Stops the service, drops what this run created, writes the report: an --only run's end. */
  private int finishEarly(ServiceProcess.Database external, int errors) throws Exception {
    release(external);
    report.run("errors", errors);
    report.write(out, series);
    log("report written to %s", out);
    System.out.println(report.table());
    return errors == 0 ? 0 : 2;
  }

  int events() {
    int fallback =
        switch (mode) {
          case "quick" -> 1_000;
          case "100k" -> 100_000;
          case "1m" -> 1_000_000;
          default -> throw new IllegalArgumentException("--mode is quick, 100k or 1m, not " + mode);
        };
    return options.integer("events", fallback);
  }

  /** Runs every phase; returns the exit status (non-zero on errors, never on slowness). */
  int run() throws Exception {
    int events = events();
    long seed = Long.parseLong(options.get("seed", "7"));
    Files.createDirectories(work);
    report.run(
        "mode", options.values().containsKey("events") ? mode + ", --events=" + events : mode);
    report.run("date", Instant.now().toString());
    report.run("events (generated history)", events);
    report.run("seed", seed);
    report.run("machine", machine());
    report.run("java", System.getProperty("java.vm.name") + " " + Runtime.version());
    report.run("work directory", work.toString());
    int errors = 0;

    // 1. the history
    HistoryGenerator generator = new HistoryGenerator(seed, events, Cameo.load());
    Path history = work.resolve("history.ndjson");
    try (BufferedWriter writer = Files.newBufferedWriter(history, StandardCharsets.UTF_8)) {
      generator.write(
          line -> {
            try {
              writer.write(line);
              writer.newLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
    report.run("history", generator.commandCounts() + ", shape " + generator.shape());
    log("history of %d lines written to %s", generator.lines(), history);

    // 2. first start on a fresh database (or, with --stored-history, on one a run of the same seed
    // and size already imported into: --only=pages on a large history without importing it again)
    boolean storedHistory = options.flag("stored-history", false);
    if (storedHistory
        && !("pages".equals(options.get("only", ""))
            && options.values().containsKey("db-url")
            && !options.flag("fresh-database", true))) {
      throw new IllegalArgumentException(
          "--stored-history needs --only=pages and --db-url=... --fresh-database=false");
    }
    ServiceProcess.Database external = externalDatabase();
    service = startService(external, List.of());
    double readyFirst = service.awaitReady(Duration.ofMinutes(15));
    Baselines db = new Baselines(service.database());
    Map<String, String> settings = db.settings();
    report.run(
        "database",
        (external == null
                ? "the service's own embedded PostgreSQL, "
                : managed != null ? "managed by the benchmark (--db=managed), " : "external, ")
            + settings);
    boolean durable =
        "on".equals(settings.get("fsync")) && "on".equals(settings.get("synchronous_commit"));
    report.run("durable (SHOW fsync, synchronous_commit)", durable);
    if (!durable) {
      report.note(
          "NOT DURABLE: fsync="
              + settings.get("fsync")
              + ", synchronous_commit="
              + settings.get("synchronous_commit")
              + ". Every figure of this run (service and baselines alike) was measured without"
              + " durable commits and is not comparable with the targets.");
      if (!quick && !options.flag("allow-non-durable", false)) {
        throw new IllegalStateException(
            "the database is not durable ("
                + settings
                + "); pass --allow-non-durable to measure"
                + " anyway, or --db-url=... to use a durable server");
      }
    }
    report.figure(
        new Report.Figure(
            storedHistory
                ? "time to ready, start on the stored history ("
                    + db.count("SELECT count(*) FROM domain_event_entry")
                    + " events stored)"
                : "time to ready, first start (empty store)",
            secs(readyFirst),
            null,
            null,
            null,
            Map.of("seconds", readyFirst)));

    // 3. bulk import of the history, then its baseline on the same rows
    // (--stored-history: the database already holds it; nothing is imported)
    Double importRate = null;
    if (storedHistory) {
      report.note(
          "--stored-history: the database already held this history (same seed and size), from"
              + " an earlier run; it was not imported again, so this run has no import figure");
      awaitProjections(Duration.ofMinutes(quick ? 5 : 120));
    } else {
      long before = db.count("SELECT count(*) FROM domain_event_entry");
      importRate = bulkImport(history, generator.lines());
      long stored = db.count("SELECT count(*) FROM domain_event_entry") - before;
      if (stored != generator.lines()) {
        report.note("the import stored " + stored + " events for " + generator.lines() + " lines");
        errors++;
      }
      long importEnded = System.nanoTime();
      double catchUp = awaitProjections(Duration.ofMinutes(quick ? 5 : 120));
      Double derivedOut = awaitDerivedUpdates(db, importEnded, Duration.ofMinutes(quick ? 5 : 60));
      Double pointsOut = awaitCohesionPoints(importEnded, Duration.ofMinutes(quick ? 5 : 60));
      List<Baselines.EventRow> rows =
          db.eventRows(Math.min(events, options.integer("baseline-rows", 50_000)));
      double batched = db.batchedInsert(rows, 500, series);
      report.figure(
          new Report.Figure(
              "bulk import (POST /api/import), events/s",
              rate(importRate, "events/s"),
              "JDBC batched insert (500 rows/commit) of the same rows",
              rate(batched, "rows/s") + " (" + rows.size() + " rows)",
              importRate / batched,
              Map.of("eventsPerSecond", importRate, "baselineRowsPerSecond", batched)));
      afterImport("projections caught up after the import", catchUp);
      afterImport(
          "Kafka derived updates (timeline entries) all published after the import", derivedOut);
      afterImport("Kafka cohesion points all published after the import", pointsOut);
    }
    // --only=import: the history and its import (with its baseline and catch-up) alone
    if ("import".equals(options.get("only", ""))) {
      return finishEarly(external, errors);
    }

    // 4. HTTP ingest at 8, 32, 128 clients, each beside single-row commits from as many clients
    Map<Integer, Double> ingestRates = new LinkedHashMap<>();
    int ingestSeconds = options.integer("ingest-seconds", quick ? 2 : 20);
    byte[] payload = JSON.writeValueAsBytes(generator.nextStatement("payload-sample"));
    byte[] meta =
        JSON.writeValueAsBytes(
            Map.of(
                "recordedBy", ServiceProcess.USER,
                "recordedAt", Instant.now().toString(),
                "commandId", java.util.UUID.randomUUID().toString(),
                "causationId", java.util.UUID.randomUUID().toString(),
                "correlationId", java.util.UUID.randomUUID().toString()));
    Map<Integer, Load.Result> ingestBaselines = new LinkedHashMap<>();
    // --only=live: the history, then the live phase alone (the other phases are skipped);
    // --only=ingest: the history, then the ingest levels alone (group commit on);
    // --only=rebuild: the history, its import, then the rebuilds alone;
    // --only=pages: the history, its import, then the restart and the pages alone
    String only = options.get("only", "");
    boolean liveOnly = "live".equals(only);
    boolean ingestOnly = "ingest".equals(only);
    boolean rebuildOnly = "rebuild".equals(only);
    boolean pagesOnly = "pages".equals(only);
    for (int clients :
        liveOnly || rebuildOnly || pagesOnly ? new int[0] : new int[] {1, 8, 32, 128}) {
      String phase = "ingest " + clients + " clients";
      Load.Result ingest = ingest(phase, "ingest-" + clients, clients, ingestSeconds, generator);
      Load.Result base =
          db.singleRowCommits(
              load,
              "baseline: single-row commit " + clients + " clients",
              clients,
              Duration.ofSeconds(ingestSeconds),
              payload,
              meta);
      ingestBaselines.put(clients, base);
      ingestRates.put(clients, ingest.perSecond());
      errors += noteErrors(phase, ingest) ? 1 : 0;
      report.figure(
          new Report.Figure(
              "HTTP ingest (POST /api/statements), "
                  + clients
                  + (clients == 1 ? " client" : " clients"),
              rate(ingest.perSecond(), "statements/s") + ", " + latency(ingest),
              "JDBC single-row insert+commit, "
                  + clients
                  + (clients == 1 ? " client" : " clients")
                  + (db.lastConnections < clients
                      ? " on " + db.lastConnections + " connections"
                      : ""),
              rate(base.perSecond(), "rows/s") + ", " + latency(base),
              ingest.perSecond() / base.perSecond(),
              Map.of(
                  "statementsPerSecond", ingest.perSecond(),
                  "p50Ms", ingest.p50Millis(),
                  "p99Ms", ingest.p99Millis(),
                  "errors", ingest.errors(),
                  "baselineRowsPerSecond", base.perSecond(),
                  "baselineP50Ms", base.p50Millis(),
                  "baselineP99Ms", base.p99Millis())));
    }
    // 4a. group commit off at low concurrency (a restart with it off, then one with it on again),
    // beside the figures with it on and the same baselines
    if (options.flag("group-commit-off", true) && only.isEmpty()) {
      stopService();
      service = startService(external, List.of("--entente.commands.group-commit.enabled=false"));
      service.awaitReady(Duration.ofMinutes(15));
      // a fresh JVM answers its first commands slowly (class loading, JIT): warm it up first, as
      // the import warmed the service measured with group commit on
      ingest("warm-up, group commit off", "ingest-warm", 8, ingestSeconds * 2, generator);
      for (int clients : new int[] {1, 8}) {
        String phase = "ingest " + clients + " clients, group commit off";
        Load.Result off = ingest(phase, "ingest-off-" + clients, clients, ingestSeconds, generator);
        Load.Result base = ingestBaselines.get(clients);
        errors += noteErrors(phase, off) ? 1 : 0;
        report.figure(
            new Report.Figure(
                "HTTP ingest (POST /api/statements), "
                    + clients
                    + (clients == 1 ? " client" : " clients")
                    + ", group commit off (entente.commands.group-commit.enabled=false)",
                rate(off.perSecond(), "statements/s")
                    + ", "
                    + latency(off)
                    + " (on: "
                    + rate(ingestRates.get(clients), "statements/s")
                    + ")",
                "JDBC single-row insert+commit, "
                    + clients
                    + (clients == 1 ? " client" : " clients")
                    + " (as above)",
                rate(base.perSecond(), "rows/s") + ", " + latency(base),
                off.perSecond() / base.perSecond(),
                Map.of(
                    "statementsPerSecond", off.perSecond(),
                    "p50Ms", off.p50Millis(),
                    "p99Ms", off.p99Millis(),
                    "errors", off.errors(),
                    "groupCommitOnStatementsPerSecond", ingestRates.get(clients),
                    "baselineRowsPerSecond", base.perSecond())));
      }
      stopService();
      service = startService(external, List.of());
      service.awaitReady(Duration.ofMinutes(15));
    }
    // 4b. live updates: accepted command → SSE message, beside insert+NOTIFY → LISTEN (LiveLatency)
    if (options.integer("live-clients", quick ? 20 : 500) > 0
        && !ingestOnly
        && !rebuildOnly
        && !pagesOnly) {
      int liveClients = options.integer("live-clients", quick ? 20 : 500);
      int liveRate = options.integer("live-rate", 500);
      String liveRun = Long.toString(System.currentTimeMillis(), 36);
      LiveLatency.Result live =
          new LiveLatency(
                  service.baseUrl(),
                  db,
                  (path, body, key) -> post(path, body, "application/json", key),
                  kafkaBootstrap(),
                  options.get("kafka-events-topic", "diplomacy.events.v1"),
                  liveClients,
                  liveRate,
                  Duration.ofSeconds(options.integer("live-seconds", quick ? 3 : 20)))
              .run(
                  liveRun,
                  n -> {
                    try {
                      return JSON.writeValueAsString(
                          generator.nextStatement("live-" + liveRun + "-" + n));
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  });
      if (live.errors() > 0) {
        report.note("live latency: " + live.errors() + " errors, first: " + live.firstError());
        errors++;
      }
      report.figure(
          new Report.Figure(
              "live: accepted POST /api/statements → SSE message on /api/live/events, "
                  + liveRate
                  + " statements/s asked ("
                  + Math.round(live.postedPerSecond())
                  + " accepted/s reached), "
                  + liveClients
                  + " SSE clients ("
                  + live.sseSamples()
                  + " deliveries)",
              LiveLatency.text(live.sse()),
              "PostgreSQL insert+NOTIFY commit → LISTEN receipt, same rate",
              LiveLatency.text(live.raw()),
              live.sse()[1] / live.raw()[1],
              LiveLatency.numbers(live)));
      if (kafkaBootstrap() != null) {
        report.figure(
            new Report.Figure(
                "live: accepted POST /api/statements → record on the Kafka events topic received"
                    + " by a consumer, same run ("
                    + live.kafkaSamples()
                    + " records)",
                LiveLatency.text(live.kafka()),
                "Kafka send (idempotent, acks=all) → consumer receipt, same broker, same rate",
                LiveLatency.text(live.kafkaRaw()),
                live.kafka()[1] / live.kafkaRaw()[1],
                LiveLatency.kafkaNumbers(live)));
      }
    }
    if (liveOnly || ingestOnly) {
      return finishEarly(external, errors);
    }
    awaitProjections(Duration.ofMinutes(quick ? 5 : 60));

    // 5. full rebuild of the read models, beside a raw sequential read of the event table
    Double rebuildRate = null;
    if (!pagesOnly) {
      rebuildRate = rebuild("rebuild");
      double[] read = db.sequentialRead(series);
      report.figure(
          new Report.Figure(
              "full rebuild (POST /api/admin/projections/timeline/rebuild), events/s",
              rate(rebuildRate, "events/s"),
              "sequential read of domain_event_entry (fetch 1000)",
              rate(read[0], "rows/s") + " (" + (long) read[1] + " rows)",
              rebuildRate / read[0],
              Map.of("eventsPerSecond", rebuildRate, "baselineRowsPerSecond", read[0])));
      if (rebuildOnly) {
        axonDefaultsRebuild(external, rebuildRate);
        return finishEarly(external, errors);
      }
    }

    // 6. memory after the load
    Map<String, Double> memoryAfterLoad = memory();
    report.figure(
        new Report.Figure(
            "service memory after the load (before restart), heap cap " + heapCap(),
            memoryText(memoryAfterLoad),
            null,
            null,
            null,
            new LinkedHashMap<String, Object>(memoryAfterLoad)));

    // 7. restart (with auto_explain loaded into every session of the embedded database)
    boolean explain = prepareAutoExplain(db, external);
    stopService();
    service = startService(external, List.of());
    double readyRestart = service.awaitReady(Duration.ofMinutes(15));
    report.figure(
        new Report.Figure(
            "time to ready, restart ("
                + db.count("SELECT count(*) FROM domain_event_entry")
                + " events stored)",
            secs(readyRestart),
            null,
            null,
            null,
            Map.of("seconds", readyRestart)));

    // 8. the pages, beside plain indexed queries for the same rows
    db.buildPageTables(history, generator);
    List<String> actors = db.busiest("bench_actor_page", "actor_id", 20);
    List<String> groups = db.busiest("bench_group_page", "group_id", 10);
    String from = options.get("cohesion-from", "2024-01-01");
    String to = options.get("cohesion-to", "2024-12-31");
    int requests = options.integer("query-requests", quick ? 20 : 400);
    int clients = options.integer("query-clients", 4);
    Map<String, Load.Result> pages = new LinkedHashMap<>();
    pages.put(
        "actor page",
        pageFigure(
            db,
            "actor page",
            "actor page (GET /api/actors/{id}/timeline?limit=50)",
            actors,
            id -> "/api/actors/" + id + "/timeline?limit=50",
            Baselines.ACTOR_PAGE_SQL,
            requests,
            clients,
            from,
            to));
    pages.put(
        "group page",
        pageFigure(
            db,
            "group page",
            "group page (GET /api/groups/{id}/timeline?limit=50)",
            groups,
            id -> "/api/groups/" + id + "/timeline?limit=50",
            Baselines.GROUP_PAGE_SQL,
            requests,
            clients,
            from,
            to));
    pages.put(
        "cohesion",
        pageFigure(
            db,
            "cohesion series",
            "cohesion series, 1 year (GET /api/groups/{id}/cohesion?from="
                + from
                + "&to="
                + to
                + ")",
            groups,
            id -> "/api/groups/" + id + "/cohesion?from=" + from + "&to=" + to,
            Baselines.COHESION_SQL,
            Math.max(10, requests / 4),
            clients,
            from,
            to));
    String whatIf = "&halfLifeDays=7&reliability.NAMED_PARAPHRASE=0.5";
    pages.put(
        "what-if",
        pageFigure(
            db,
            "what-if",
            "what-if, 1 year (cohesion with halfLifeDays=7&reliability.NAMED_PARAPHRASE=0.5)",
            groups,
            id -> "/api/groups/" + id + "/cohesion?from=" + from + "&to=" + to + whatIf,
            Baselines.WHAT_IF_SQL,
            Math.max(5, requests / 20),
            2,
            from,
            to));
    long interactions = db.interactions(groups.get(0));
    report.run("interactions of the busiest group (" + groups.get(0) + ")", interactions);
    for (Load.Result r : pages.values()) {
      errors += r.errors() > 0 ? 1 : 0;
    }

    // 9. the plans of the page queries the service ran
    if (explain) {
      capturePlans(db, actors.get(0), groups.get(0), from, to);
    }

    // 10. memory at the end, then a rebuild with Axon's default processor settings
    Map<String, Double> memoryEnd = memory();
    report.figure(
        new Report.Figure(
            "service memory at the end (after restart and queries), heap cap " + heapCap(),
            memoryText(memoryEnd),
            null,
            null,
            null,
            new LinkedHashMap<String, Object>(memoryEnd)));
    Double defaultsRate = pagesOnly ? null : axonDefaultsRebuild(external, rebuildRate);
    release(external);

    targets(
        events,
        ingestRates,
        importRate,
        rebuildRate,
        defaultsRate,
        pages,
        memoryAfterLoad,
        memoryEnd,
        readyFirst,
        readyRestart,
        interactions);
    report.run("errors", errors);
    report.write(out, series);
    log("report written to %s", out);
    System.out.println(report.table());
    return errors == 0 ? 0 : 2;
  }

  /**
   * With {@code axon-defaults-rebuild} (on by default; quick mode caps it at 20 s): a restart with
   * Axon's default processor settings and the same rebuild again, beside {@code rebuildRate};
   * returns its rate, or null when switched off.
   */
  private Double axonDefaultsRebuild(ServiceProcess.Database external, double rebuildRate)
      throws Exception {
    if (!options.flag("axon-defaults-rebuild", true)) {
      return null;
    }
    stopService();
    List<String> defaults =
        Arrays.asList(
            options
                .get("axon-defaults-props", "entente.timeline.processor.batch-size=1")
                .split(","));
    service = startService(external, defaults.stream().map(p -> "--" + p).toList());
    service.awaitReady(Duration.ofMinutes(15));
    // Axon's defaults can take hours on a large history: measured as a rate over at most
    // axon-defaults-seconds (the rebuild is stopped with the service after that)
    Duration cap = Duration.ofSeconds(options.integer("axon-defaults-seconds", quick ? 20 : 120));
    double defaultsRate = rebuild("rebuild, Axon defaults", cap);
    String capped =
        lastRebuildCapped
            ? "same rebuild with Axon's defaults, rate over its first "
                + cap.toSeconds()
                + " s ("
                + lastRebuildEvents
                + " events, stopped there)"
            : "same rebuild with Axon's defaults (whole history)";
    if (lastRebuildCapped) {
      report.note(
          "the Axon-defaults rebuild is a rate over its first "
              + cap.toSeconds()
              + " s, not a finished rebuild (--axon-defaults-seconds)");
    }
    report.figure(
        new Report.Figure(
            "full rebuild, our settings vs Axon's default processor settings (" + defaults + ")",
            rate(rebuildRate, "events/s"),
            capped,
            rate(defaultsRate, "events/s"),
            rebuildRate / defaultsRate,
            Map.of("eventsPerSecond", rebuildRate, "axonDefaultsEventsPerSecond", defaultsRate)));
    return defaultsRate;
  }

  // --- phases ---------------------------------------------------------------------------------

  /** Notes a phase's errors in the report; whether it had any. */
  private boolean noteErrors(String phase, Load.Result result) {
    if (result.errors() == 0) {
      return false;
    }
    report.note(phase + ": " + result.errors() + " errors, first: " + result.firstError());
    return true;
  }

  /** Closed-loop {@code POST /api/statements} of new statements, each with its own key. */
  private Load.Result ingest(
      String phase, String prefix, int clients, int seconds, HistoryGenerator generator)
      throws InterruptedException {
    AtomicLong seq = new AtomicLong();
    return load.run(
        phase,
        clients,
        Long.MAX_VALUE,
        Duration.ofSeconds(seconds),
        (client, n) -> {
          String id = prefix + "-" + seq.getAndIncrement();
          String body = JSON.writeValueAsString(generator.nextStatement(id));
          HttpResponse<String> response =
              post("/api/statements", body, "application/json", "bench-" + id);
          if (response.statusCode() != 201) {
            throw new IllegalStateException(
                "POST /api/statements answered " + response.statusCode() + ": " + response.body());
          }
        });
  }

  /** The Kafka cluster the service publishes to (null with {@code --live-kafka=false}). */
  private String kafkaBootstrap() {
    if (!options.flag("live-kafka", true)) {
      return null;
    }
    String configured = options.get("kafka-bootstrap", "");
    return configured.isBlank() ? "127.0.0.1:" + kafkaPort : configured;
  }

  private ServiceProcess startService(ServiceProcess.Database external, List<String> extra)
      throws IOException {
    List<String> jvm = new ArrayList<>(serviceJvmArgs());
    extra = new ArrayList<>(extra);
    if (options.get("kafka-bootstrap", "").isBlank()) {
      // the service's own broker: free ports (kept across restarts), its data in the work directory
      if (kafkaPort == 0) {
        kafkaPort = ServiceProcess.freePort();
        kafkaControllerPort = ServiceProcess.freePort();
      }
      extra.add("--entente.kafka.embedded.port=" + kafkaPort);
      extra.add("--entente.kafka.embedded.controller-port=" + kafkaControllerPort);
      extra.add(
          "--entente.kafka.embedded.data-directory=" + work.resolve("kafka").toAbsolutePath());
    } else {
      extra.add("--entente.kafka.bootstrap-servers=" + options.get("kafka-bootstrap", ""));
    }
    Path jar =
        Path.of(options.get("service-jar", "services/standalone/target/entente-standalone.jar"));
    // a restart keeps the embedded database's port: the baselines' JDBC URL stays valid
    ServiceProcess started =
        ServiceProcess.start(
            jar,
            work.resolve("data"),
            embeddedPgPort,
            external,
            jvm,
            extra,
            work.resolve("service.log"));
    embeddedPgPort = pgPort(started);
    return started;
  }

  /**
   * The service's JVM options: {@code service-jvm-args}, and a heap cap ({@code service-heap},
   * default 512m, the heap target) unless those already set one; {@code --service-heap=none} leaves
   * the JVM's default.
   */
  private List<String> serviceJvmArgs() {
    List<String> jvm = new ArrayList<>();
    String args = options.get("service-jvm-args", "");
    if (!args.isBlank()) {
      jvm.addAll(Arrays.asList(args.trim().split("\\s+")));
    }
    String heap = options.get("service-heap", "512m");
    if (!"none".equals(heap) && jvm.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
      jvm.add("-Xmx" + heap);
    }
    return jvm;
  }

  /** The service's heap cap as configured, for the report ("JVM default" when none). */
  private String heapCap() {
    return serviceJvmArgs().stream()
        .filter(a -> a.startsWith("-Xmx"))
        .reduce((first, last) -> last)
        .orElse("JVM default");
  }

  private static int pgPort(ServiceProcess running) {
    Matcher m = Pattern.compile(":(\\d+)/").matcher(running.database().jdbcUrl());
    return m.find() && running.database().embedded() ? Integer.parseInt(m.group(1)) : 0;
  }

  synchronized void stopManaged() {
    if (managed != null) {
      try {
        managed.close();
        managed = null;
      } catch (IOException e) {
        log("could not stop the managed PostgreSQL: %s", e);
      }
    }
  }

  synchronized void stopService() {
    if (service != null) {
      service.close();
      stopLeftoverPostgres();
      service = null;
    }
  }

  /** A postmaster left behind by a killed service would keep the data directory locked. */
  private void stopLeftoverPostgres() {
    Path pid = work.resolve("data").resolve("postmaster.pid");
    try {
      if (Files.exists(pid)) {
        long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
        ProcessHandle.of(postmaster)
            .ifPresent(
                p -> {
                  p.destroy();
                  p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
      }
    } catch (Exception e) {
      log("could not stop a leftover postmaster: %s", e);
    }
  }

  private ServiceProcess.Database externalDatabase() throws Exception {
    if ("managed".equals(options.get("db", "service"))) {
      return startManaged();
    }
    String url = options.get("db-url", null);
    if (url == null) {
      return null;
    }
    String user = options.get("db-user", "postgres");
    String password = options.get("db-password", "");
    if (!options.flag("fresh-database", true)) {
      return new ServiceProcess.Database(url, user, password, false);
    }
    String name = "entente_bench_" + System.currentTimeMillis();
    try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String fresh = url.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    report.note("external database: created " + name + " for this run (dropped at the end)");
    return new ServiceProcess.Database(fresh, user, password, false);
  }

  /**
   * A PostgreSQL of the same binaries as the service's embedded one, started by the benchmark with
   * durable commits (fsync, synchronous_commit on) and auto_explain loaded (logging nothing until
   * {@link #capturePlans} turns it on), its log in the work directory.
   */
  private ServiceProcess.Database startManaged() throws IOException {
    Path logs = work.resolve("pglog");
    Files.createDirectories(logs);
    managed =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(work.resolve("managed-pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("session_preload_libraries", "auto_explain")
            .setServerConfig("auto_explain.log_analyze", "on")
            .setServerConfig("auto_explain.log_buffers", "on")
            .setServerConfig("auto_explain.log_nested_statements", "on")
            .setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", logs.toString())
            .setServerConfig("log_filename", "postgres.log")
            .start();
    report.note(
        "database: a PostgreSQL started by the benchmark (--db=managed), same binaries as the"
            + " service's embedded one; the service connects to it as an external database, so"
            + " 'time to ready' does not include starting PostgreSQL");
    return new ServiceProcess.Database(
        managed.getJdbcUrl("postgres", "postgres"), "postgres", "", false);
  }

  private void dropExternal(ServiceProcess.Database external) {
    String url = options.get("db-url", null);
    String name = external.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
    try (Connection c =
            java.sql.DriverManager.getConnection(
                url, options.get("db-user", "postgres"), options.get("db-password", ""));
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (Exception e) {
      log("could not drop %s: %s", name, e);
    }
  }

  /** Streams the history to POST /api/import in chunks; returns created events per second. */
  private double bulkImport(Path history, int lines) throws Exception {
    int chunk = options.integer("import-chunk", quick ? 500 : 5_000);
    long created = 0;
    long rejected = 0;
    long duplicate = 0;
    String firstRejection = null;
    long start = System.nanoTime();
    try (BufferedReader in = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
      StringBuilder body = new StringBuilder();
      int inChunk = 0;
      int done = 0;
      String line;
      while (true) {
        line = in.readLine();
        if (line != null) {
          body.append(line).append('\n');
          inChunk++;
        }
        if (inChunk == chunk || (line == null && inChunk > 0)) {
          long t0 = System.nanoTime();
          HttpResponse<String> response =
              post("/api/import", body.toString(), "application/x-ndjson", null);
          long t1 = System.nanoTime();
          if (response.statusCode() != 200) {
            throw new IllegalStateException(
                "POST /api/import answered " + response.statusCode() + ": " + response.body());
          }
          for (String answer : response.body().split("\n")) {
            if (answer.contains("\"status\":\"created\"")) {
              created++;
            } else if (answer.contains("\"status\":\"rejected\"")) {
              rejected++;
              if (firstRejection == null) {
                firstRejection = answer;
              }
            } else if (answer.contains("\"status\":\"duplicate\"")) {
              duplicate++;
            }
          }
          series.spread("import", t0, t1, inChunk);
          done += inChunk;
          log(
              "import: %d/%d lines, %.0f lines/s in this chunk",
              done, lines, inChunk / ((t1 - t0) / 1e9));
          body.setLength(0);
          inChunk = 0;
        }
        if (line == null) {
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.run(
        "import answers",
        created
            + " created, "
            + duplicate
            + " duplicate, "
            + rejected
            + " rejected in "
            + secs(seconds));
    if (rejected > 0 || duplicate > 0) {
      throw new IllegalStateException(
          rejected
              + " lines rejected, "
              + duplicate
              + " duplicates; first rejection: "
              + firstRejection);
    }
    return created / seconds;
  }

  /**
   * Waits until every projection has handled every stored event: the actuator gauge {@code
   * entente.projection.lag} (summed over processors) at 0, or, without it, the timeline's status.
   */
  private double awaitProjections(Duration timeout) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Double lag = metric("entente.projection.lag", null);
      if (lag == null) {
        JsonNode status = JSON.readTree(get("/api/admin/projections/timeline").body());
        lag = status.path("live").path("lag").asDouble(0);
      }
      if (lag == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(200);
    }
    report.note("projections did not catch up within " + timeout);
    return (System.nanoTime() - start) / 1e9;
  }

  /** A figure in seconds after the import's last line; none when {@code seconds} is null. */
  private void afterImport(String name, Double seconds) {
    if (seconds != null) {
      report.figure(
          new Report.Figure(
              name,
              secs(seconds) + " after the last line",
              null,
              null,
              null,
              Map.of("seconds", seconds)));
    }
  }

  /**
   * Waits until the Kafka derived-updates publisher (processor {@code kafka-derived}) has handled
   * every stored event, read from its token in the database: seconds since {@code since}; null when
   * it has no token (Kafka off, or an older jar).
   */
  private Double awaitDerivedUpdates(Baselines db, long since, Duration timeout) throws Exception {
    long head = db.count("SELECT coalesce(max(global_index), -1) FROM domain_event_entry");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Long position = db.tokenPosition("kafka-derived");
      if (position == null) {
        return null;
      }
      if (position >= head) {
        return (System.nanoTime() - since) / 1e9;
      }
      Thread.sleep(500);
    }
    report.note("the Kafka derived-updates publisher had not caught up after " + timeout);
    return (System.nanoTime() - since) / 1e9;
  }

  /**
   * Once the projections have caught up, waits until no cohesion point waits for its group's
   * refresh (the derived-updates publisher leaves them to a background sender): seconds since
   * {@code since}; null when the service has no such gauge (an older jar, or Kafka off).
   */
  private Double awaitCohesionPoints(long since, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Double pending = metric("entente.kafka.cohesion.points.pending", null);
      if (pending == null) {
        return null;
      }
      if (pending == 0) {
        return (System.nanoTime() - since) / 1e9;
      }
      Thread.sleep(200);
    }
    report.note("cohesion points still waiting after " + timeout);
    return (System.nanoTime() - since) / 1e9;
  }

  /** Starts a rebuild and polls its status until the rebuilt slot is live: events/s. */
  private double rebuild(String phase) throws Exception {
    return rebuild(phase, Duration.ofHours(3));
  }

  /** Whether the last {@link #rebuild(String, Duration)} stopped at its time cap. */
  private boolean lastRebuildCapped;

  /** Events the last rebuild had handled when it finished or reached its cap. */
  private long lastRebuildEvents;

  /**
   * Starts a rebuild and polls its status until the rebuilt slot is live, or until {@code cap}:
   * events/s (at the cap: events handled so far ÷ time so far; the rebuild goes on).
   */
  private double rebuild(String phase, Duration cap) throws Exception {
    lastRebuildCapped = false;
    JsonNode before = JSON.readTree(get("/api/admin/projections/timeline").body());
    String previousSwitch = before.path("lastRebuild").path("switchedAt").asText("");
    long start = System.nanoTime();
    HttpResponse<String> started = post("/api/admin/projections/timeline/rebuild", "", null, null);
    if (started.statusCode() != 202) {
      throw new IllegalStateException(
          "rebuild answered " + started.statusCode() + ": " + started.body());
    }
    long lastPosition = 0;
    while (true) {
      Thread.sleep(quick ? 100 : 250);
      JsonNode status = JSON.readTree(get("/api/admin/projections/timeline").body());
      JsonNode rebuild = status.path("rebuild");
      if (!rebuild.isMissingNode()) {
        long position = rebuild.path("position").asLong(lastPosition);
        series.count(phase, System.nanoTime(), Math.max(0, position - lastPosition));
        lastPosition = Math.max(lastPosition, position);
      }
      String switched = status.path("lastRebuild").path("switchedAt").asText("");
      if ("LIVE".equals(status.path("state").asText()) && !switched.equals(previousSwitch)) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long head = status.path("head").asLong();
        series.count(phase, System.nanoTime(), Math.max(0, head - lastPosition));
        log("%s: %d events in %.1f s", phase, head, seconds);
        lastRebuildEvents = head;
        return head / seconds;
      }
      if (System.nanoTime() - start > cap.toNanos()) {
        if (cap.compareTo(Duration.ofHours(3)) >= 0 || lastPosition <= 0) {
          throw new IllegalStateException("the rebuild did not finish within " + cap);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("%s: stopped at the cap, %d events in %.1f s", phase, lastPosition, seconds);
        lastRebuildCapped = true;
        lastRebuildEvents = lastPosition;
        return lastPosition / seconds;
      }
    }
  }

  private Load.Result pageFigure(
      Baselines db,
      String label,
      String name,
      List<String> ids,
      java.util.function.Function<String, String> path,
      String sql,
      int requests,
      int clients,
      String from,
      String to)
      throws Exception {
    // warm up both sides: the first requests load classes, plans and pages; the service's then
    // run for query-warmup-seconds, so the figure is the warm service's (the pages are read right
    // after a restart, and a cold JVM's first seconds are its JIT compiler's)
    for (String id : ids.subList(0, Math.min(ids.size(), 5))) {
      get(path.apply(id));
    }
    db.queries(load, null, 1, Math.min(ids.size(), 5), sql, ids, from, to);
    Load.Op request =
        (client, n) -> {
          String id = ids.get((int) (n % ids.size()));
          HttpResponse<String> response = get(path.apply(id));
          if (response.statusCode() != 200) {
            throw new IllegalStateException(
                path.apply(id) + " answered " + response.statusCode() + ": " + response.body());
          }
        };
    int warmupSeconds = options.integer("query-warmup-seconds", quick ? 2 : 15);
    Load.Result warmup =
        warmupSeconds <= 0
            ? null
            : load.run(
                "warm-up: " + label,
                clients,
                Long.MAX_VALUE,
                Duration.ofSeconds(warmupSeconds),
                request);
    Load.Result service = load.run(label, clients, requests, Duration.ofMinutes(30), request);
    Load.Result base =
        db.queries(load, "baseline: " + label, clients, requests, sql, ids, from, to);
    noteErrors(name, service);
    if (warmup != null) {
      noteErrors("warm-up: " + name, warmup);
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("p50Ms", service.p50Millis());
    numbers.put("p99Ms", service.p99Millis());
    numbers.put("requests", service.ops());
    numbers.put("errors", service.errors());
    numbers.put("baselineP50Ms", base.p50Millis());
    numbers.put("baselineP99Ms", base.p99Millis());
    if (warmup != null) {
      numbers.put("warmupSeconds", warmupSeconds);
      numbers.put("warmupRequests", warmup.ops());
      numbers.put("warmupP50Ms", warmup.p50Millis());
      numbers.put("warmupP99Ms", warmup.p99Millis());
    }
    report.figure(
        new Report.Figure(
            name + ", " + clients + " clients",
            latency(service)
                + " ("
                + service.ops()
                + " requests"
                + (warmup == null
                    ? ""
                    : ", after "
                        + warmupSeconds
                        + " s of warm-up requests: "
                        + warmup.ops()
                        + " at p50 "
                        + String.format("%.1f", warmup.p50Millis())
                        + " ms, p99 "
                        + String.format("%.1f", warmup.p99Millis())
                        + " ms")
                + ")",
            "plain indexed SQL for the same rows",
            latency(base),
            service.p99Millis() / base.p99Millis(),
            numbers));
    return service;
  }

  /**
   * Loads auto_explain into every new session of the embedded database (from the restart on),
   * logging to a file of the work directory; plans are only logged while {@link #capturePlans}
   * runs. An external server is left alone.
   */
  private boolean prepareAutoExplain(Baselines db, ServiceProcess.Database external) {
    if (managed != null) {
      return options.flag("explain", true);
    }
    if (external != null || !options.flag("explain", true)) {
      report.note("query plans not captured (external database, or --explain=false)");
      return false;
    }
    try {
      Path logs = work.resolve("pglog");
      Files.createDirectories(logs);
      db.execute(
          // loaded here first, so that ALTER SYSTEM knows the auto_explain.* settings
          "LOAD 'auto_explain'",
          "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'",
          "ALTER SYSTEM SET auto_explain.log_min_duration = -1",
          "ALTER SYSTEM SET auto_explain.log_analyze = on",
          "ALTER SYSTEM SET auto_explain.log_buffers = on",
          "ALTER SYSTEM SET auto_explain.log_nested_statements = on",
          "ALTER SYSTEM SET logging_collector = on",
          "ALTER SYSTEM SET log_directory = '" + logs + "'",
          "ALTER SYSTEM SET log_filename = 'postgres.log'");
      return true;
    } catch (Exception e) {
      report.note("query plans not captured: " + e.getMessage());
      return false;
    }
  }

  private void capturePlans(Baselines db, String actor, String group, String from, String to)
      throws Exception {
    Path file = work.resolve("pglog").resolve("postgres.log");
    long offset = Files.exists(file) ? Files.size(file) : 0;
    db.execute("ALTER SYSTEM SET auto_explain.log_min_duration = 0", "SELECT pg_reload_conf()");
    Thread.sleep(500);
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("actor page", "/api/actors/" + actor + "/timeline?limit=50");
    requests.put("group page", "/api/groups/" + group + "/timeline?limit=50");
    requests.put(
        "cohesion series", "/api/groups/" + group + "/cohesion?from=" + from + "&to=" + to);
    Map<String, long[]> spans = new LinkedHashMap<>();
    for (Map.Entry<String, String> request : requests.entrySet()) {
      Thread.sleep(300);
      long begin = Files.exists(file) ? Files.size(file) : 0;
      get(request.getValue());
      Thread.sleep(700);
      spans.put(request.getKey(), new long[] {begin, Files.exists(file) ? Files.size(file) : 0});
    }
    db.execute("ALTER SYSTEM SET auto_explain.log_min_duration = -1", "SELECT pg_reload_conf()");
    if (!Files.exists(file)) {
      report.note("no PostgreSQL log at " + file + ": plans not captured");
      return;
    }
    byte[] log = Files.readAllBytes(file);
    for (Map.Entry<String, long[]> span : spans.entrySet()) {
      String text =
          new String(
              log,
              (int) Math.max(offset, span.getValue()[0]),
              (int) (span.getValue()[1] - Math.max(offset, span.getValue()[0])),
              StandardCharsets.UTF_8);
      StringBuilder plans = new StringBuilder();
      for (String plan : text.split("(?m)^(?=\\d{4}-\\d{2}-\\d{2} )")) {
        if (plan.contains("plan:")
            && !plan.contains("token_entry")
            && !plan.contains("FROM domain_event_entry")
            && !plan.contains("from domain_event_entry")
            && !plan.contains("pg_catalog")) {
          plans.append(plan.strip()).append("\n\n");
        }
      }
      report.plan(
          span.getKey() + " (" + requests.get(span.getKey()) + ")",
          plans.length() == 0 ? "(no plan logged)" : plans.toString().strip());
    }
  }

  private Map<String, Double> memory() throws Exception {
    Map<String, Double> memory = new LinkedHashMap<>();
    memory.put("heapUsed", metric("jvm.memory.used", "area:heap"));
    // heap used is a sample of a moving figure; after a full GC (jcmd) it is the live data
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (Files.isExecutable(jcmd)) {
      Process gc =
          new ProcessBuilder(jcmd.toString(), String.valueOf(service.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (gc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && gc.exitValue() == 0) {
        memory.put("heapUsedAfterGc", metric("jvm.memory.used", "area:heap"));
      }
    }
    memory.put("nonHeapUsed", metric("jvm.memory.used", "area:nonheap"));
    memory.put("heapCommitted", metric("jvm.memory.committed", "area:heap"));
    memory.put("rss", (double) service.rssBytes());
    return memory;
  }

  private static String memoryText(Map<String, Double> memory) {
    return mb(memory.get("heapUsed"))
        + " heap used ("
        + mb(memory.get("heapUsedAfterGc"))
        + " after a full GC), "
        + mb(memory.get("rss"))
        + " RSS";
  }

  private Double metric(String name, String tag) throws Exception {
    String path =
        "/actuator/metrics/"
            + name
            + (tag == null ? "" : "?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      return null;
    }
    for (JsonNode m : JSON.readTree(response.body()).path("measurements")) {
      if ("VALUE".equals(m.path("statistic").asText())) {
        return m.path("value").asDouble();
      }
    }
    return null;
  }

  // --- targets --------------------------------------------------------------------------------

  private void targets(
      int events,
      Map<Integer, Double> ingest,
      Double importRate,
      Double rebuildRate,
      Double defaultsRate,
      Map<String, Load.Result> pages,
      Map<String, Double> memoryAfterLoad,
      Map<String, Double> memoryEnd,
      double readyFirst,
      double readyRestart,
      long interactions) {
    boolean atMillion = events >= 1_000_000;
    String scale = atMillion ? null : "target is at 1M events; measured at " + events;
    rateTarget(
        "HTTP ingest, 32 clients", "≥ 3,000", ingest.get(32), "statements/s", 3_000, "--only");
    rateTarget("bulk import", "≥ 30,000", importRate, "events/s", 30_000, "--stored-history");
    rateTarget("rebuild", "≥ 50,000", rebuildRate, "events/s", 50_000, "--only");
    report.target(
        new Report.Target(
            "rebuild vs Axon defaults",
            "≥ 5×",
            defaultsRate == null
                ? "not measured"
                : String.format("%.2f×", rebuildRate / defaultsRate),
            defaultsRate == null ? null : rebuildRate / defaultsRate >= 5,
            defaultsRate == null ? "run with --axon-defaults-rebuild=true" : null));
    pageTarget("actor page p99", "≤ 10 ms", pages.get("actor page"), 10, atMillion, scale);
    pageTarget("group page p99", "≤ 10 ms", pages.get("group page"), 10, atMillion, scale);
    pageTarget("cohesion series p99", "≤ 50 ms", pages.get("cohesion"), 50, atMillion, scale);
    Load.Result whatIf = pages.get("what-if");
    report.target(
        new Report.Target(
            "what-if",
            "≤ 1 s at 100,000 interactions",
            String.format("p99 %.0f ms", whatIf.p99Millis()),
            interactions >= 100_000 ? whatIf.p99Millis() <= 1_000 : null,
            "the busiest group has " + interactions + " interactions"));
    double heap =
        Math.max(
            memoryAfterLoad.getOrDefault("heapUsedAfterGc", memoryAfterLoad.get("heapUsed")),
            memoryEnd.getOrDefault("heapUsedAfterGc", memoryEnd.get("heapUsed")));
    report.target(
        new Report.Target(
            "heap (live, after a full GC)",
            "≤ 512 MB at 1M events",
            mb(heap),
            atMillion ? heap <= 512e6 : null,
            scale));
    boolean storedHistory = options.flag("stored-history", false);
    report.target(
        new Report.Target(
            "ready, first start",
            "≤ 15 s",
            storedHistory ? "not measured" : secs(readyFirst),
            storedHistory ? null : readyFirst <= 15,
            storedHistory
                ? "--stored-history: its start was on the stored history, " + secs(readyFirst)
                : null));
    report.target(
        new Report.Target(
            "ready, restart",
            "≤ 15 s",
            secs(readyRestart),
            readyRestart <= 15,
            "with " + events + "+ events stored"));
  }

  /** A rate target; {@code measured} null: the run skipped it ({@code skipped}: why). */
  private void rateTarget(
      String name, String wanted, Double measured, String unit, double atLeast, String skipped) {
    report.target(
        new Report.Target(
            name,
            wanted + " " + unit,
            measured == null ? "not measured" : rate(measured, unit),
            measured == null ? null : measured >= atLeast,
            measured == null ? "skipped (" + skipped + ")" : null));
  }

  private void pageTarget(
      String name, String wanted, Load.Result r, double maxMs, boolean atMillion, String note) {
    report.target(
        new Report.Target(
            name,
            wanted + " at 1M events",
            String.format("p99 %.1f ms", r.p99Millis()),
            atMillion ? r.p99Millis() <= maxMs : null,
            note));
  }

  // --- HTTP and formatting ----------------------------------------------------------------------

  private HttpResponse<String> post(String path, String body, String type, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .header("Authorization", ServiceProcess.AUTHORIZATION)
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .header("Authorization", ServiceProcess.AUTHORIZATION)
            .timeout(Duration.ofMinutes(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String machine() {
    long memory = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // not Linux
    }
    String cpu = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("");
    } catch (IOException ignored) {
      // not Linux
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores"
        + (cpu.isEmpty() ? "" : " (" + cpu + ")")
        + ", "
        + String.format("%.1f GiB", memory / (1024.0 * 1024 * 1024))
        + " memory, "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + ", load average "
        + String.format(
            "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  static String rate(double value, String unit) {
    return String.format(Locale.ROOT, "%,.0f %s", value, unit);
  }

  static String secs(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  static String mb(Double bytes) {
    return bytes == null || bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  static String latency(Load.Result r) {
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", r.p50Millis(), r.p99Millis());
  }

  private static void log(String format, Object... args) {
    System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
  }
}
