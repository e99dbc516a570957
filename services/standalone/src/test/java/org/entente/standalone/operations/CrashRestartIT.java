package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the standalone process in the middle of its demo load leaves the embedded
 * postmaster running; the next start stops that orphan by itself, and finishes the demo load
 * without storing any line twice.
 */
class CrashRestartIT {

  private static final String DEMO = "demo/nato-defence-ministers-2025-02.ndjson";

  @TempDir Path work;

  @Test
  void startAfterKillDuringDemoLoad_stopsTheOrphanedPostmaster_andCompletesTheDemoOnce()
      throws Exception {
    int demoLines = demoLines();
    // one line per transaction, so a kill can land between the demo's first and last commit
    try (StandaloneProcess standalone =
        new StandaloneProcess(work, List.of("--entente.import.batch-lines=1"))) {
      standalone.start();
      long eventsAtKill = killOnceEventsAreStored(standalone);

      Path pidFile = standalone.dataDirectory().resolve("postmaster.pid");
      long orphan = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
      assertThat(ProcessHandle.of(orphan)).as("postmaster left behind by kill -9").isPresent();
      long loadsMarkedAtKill;
      try (Connection db = standalone.connect()) {
        loadsMarkedAtKill = count(db, "select count(*) from demo_dataset_load");
      }
      System.out.printf(
          "crash-restart: killed with %d of %d demo events stored, load marked %d%n",
          eventsAtKill, demoLines, loadsMarkedAtKill);
      assertThat(eventsAtKill).as("killed in the middle of the demo load").isLessThan(demoLines);
      assertThat(loadsMarkedAtKill).isZero();

      standalone.start();
      standalone.awaitReady(Duration.ofMinutes(3));

      assertThat(ProcessHandle.of(orphan)).as("the orphan was stopped").isEmpty();
      assertThat(standalone.logTail())
          .contains("left by a crashed run")
          .containsPattern(
              "loaded: %d lines, %d created, %d replayed from an earlier run, 0 rejected"
                  .formatted(demoLines, demoLines - eventsAtKill, eventsAtKill));
      try (Connection db = standalone.connect()) {
        assertThat(count(db, "select count(*) from domain_event_entry")).isEqualTo(demoLines);
        // one event per demo line: the line stored before the kill was not stored again
        assertThat(count(db, "select count(*) from demo_dataset_load where rejected = 0"))
            .isEqualTo(1);
      }
    }
  }

  /** Polls the child's database and kills the child as soon as its first events are stored. */
  private static long killOnceEventsAreStored(StandaloneProcess standalone) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Exception lastProblem = null;
    while (System.nanoTime() < deadline) {
      assertThat(standalone.isAlive()).as("child alive: %s", standalone.logTail()).isTrue();
      if (Files.exists(standalone.dataDirectory().resolve("postmaster.pid"))) {
        try (Connection db = standalone.connect()) {
          while (System.nanoTime() < deadline) {
            try {
              long events = count(db, "select count(*) from domain_event_entry");
              if (events > 0) {
                standalone.kill();
                return count(db, "select count(*) from domain_event_entry");
              }
            } catch (SQLException noTableYet) {
              // Flyway has not created it yet
              lastProblem = noTableYet;
            }
            Thread.sleep(10);
          }
        } catch (SQLException | IOException | RuntimeException notAcceptingYet) {
          // the postmaster is still starting
          lastProblem = notAcceptingYet;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no event stored within 3 minutes:\n" + standalone.logTail(), lastProblem);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int demoLines() throws IOException {
    try (InputStream in = CrashRestartIT.class.getClassLoader().getResourceAsStream(DEMO)) {
      return (int)
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .count();
    }
  }
}
