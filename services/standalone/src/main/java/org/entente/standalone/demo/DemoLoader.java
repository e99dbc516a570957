package org.entente.standalone.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.entente.recorder.importing.ImportLineResult;
import org.entente.recorder.importing.ImportSummary;
import org.entente.recorder.importing.NdjsonImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Loads the demo scenario when the application starts for the first time on its database.
 *
 * <p>A row in {@code demo_dataset_load} marks a complete load, so later starts skip it. A load that
 * was interrupted or had rejected lines leaves no row and runs again on the next start; the
 * idempotency key on every line makes the lines stored before answer from the first run instead of
 * being stored twice. As an {@link ApplicationRunner} it runs once the context is up, before the
 * application reports itself ready (readiness state ACCEPTING_TRAFFIC).
 */
@Component
@Order(0)
@ConditionalOnProperty(prefix = "entente.demo", name = "enabled", matchIfMissing = true)
public class DemoLoader implements ApplicationRunner {

  /** The principal recorded as {@code recordedBy} on every demo event. */
  public static final String RECORDED_BY = "entente-demo-loader";

  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final DemoProperties properties;
  private final NdjsonImporter importer;
  private final DemoLoadLog loadLog;
  private final ResourceLoader resources;
  private final Clock clock;

  private volatile DemoOutcome outcome;

  public DemoLoader(
      DemoProperties properties,
      NdjsonImporter importer,
      DemoLoadLog loadLog,
      ResourceLoader resources,
      Optional<Clock> clock) {
    this.properties = properties;
    this.importer = importer;
    this.loadLog = loadLog;
    this.resources = resources;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    outcome = load();
  }

  /** What the last start did with the demo; empty before the application has started. */
  public Optional<DemoOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  DemoOutcome load() throws IOException {
    Resource dataset = resources.getResource(properties.dataset());
    String name = dataset.getFilename();
    Optional<DemoLoadRecord> earlier = loadLog.find(name);
    if (earlier.isPresent()) {
      log.info(
          "Demo dataset {} was loaded on {} ({} lines); not loading it again",
          name,
          earlier.get().loadedAt(),
          earlier.get().lines());
      return new DemoOutcome.AlreadyLoaded(earlier.get());
    }

    byte[] content = dataset.getContentAsByteArray();
    log.info("Loading demo dataset {} ...", name);
    ImportSummary summary;
    try (Reader ndjson =
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
      summary = importer.importNdjson(ndjson, RECORDED_BY);
    }
    int lines = summary.results().size();

    if (summary.rejected() > 0 || summary.created() + summary.duplicate() != lines) {
      summary.results().stream()
          .filter(line -> line.status() == ImportLineResult.Status.REJECTED)
          .forEach(line -> log.warn("Demo dataset {}: {}", name, describe(line)));
      log.error(
          "Demo dataset {} loaded incompletely: {} lines, {} created, {} replayed, {} rejected;"
              + " it is loaded again on the next start",
          name,
          lines,
          summary.created(),
          summary.duplicate(),
          summary.rejected());
      return new DemoOutcome.Loaded(summary, false);
    }
    loadLog.record(
        new DemoLoadRecord(
            name,
            sha256(content),
            lines,
            summary.created(),
            summary.duplicate(),
            summary.rejected(),
            clock.instant()));
    log.info(
        "Demo dataset {} loaded: {} lines, {} created, {} replayed from an earlier run, {}"
            + " rejected",
        name,
        lines,
        summary.created(),
        summary.duplicate(),
        summary.rejected());
    return new DemoOutcome.Loaded(summary, true);
  }

  private static String describe(ImportLineResult rejected) {
    ProblemDetail problem = rejected.problem();
    return problem == null
        ? "line %d (%s) rejected".formatted(rejected.line(), rejected.command())
        : "line %d (%s) rejected: %s %s %s"
            .formatted(
                rejected.line(),
                rejected.command(),
                problem.getStatus(),
                problem.getDetail(),
                problem.getProperties() == null ? "" : problem.getProperties());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
