package org.entente.standalone.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.standalone.operations.OperationsHttp.statement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds of {@code kill -9} of the standalone process while client threads record statements: after
 * each restart every statement that was acknowledged with a 2xx is in the event store exactly once,
 * requests whose answer was lost are re-sent with their idempotency key and stored at most once,
 * and at the end the timelines equal a rebuild from the event store.
 *
 * <p>Rounds: {@code -Dentente.crash.rounds=20} (default 20), clients: {@code
 * -Dentente.crash.clients=4}.
 */
class KillDuringIngestIT {

  private static final int ROUNDS = Integer.getInteger("entente.crash.rounds", 20);
  private static final int CLIENTS = Integer.getInteger("entente.crash.clients", 4);
  private static final ObjectMapper json = new ObjectMapper();

  @TempDir Path work;

  /** Statement ids answered with 2xx. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  /** Statement ids sent whose answer never came (the process died); re-sent after restart. */
  private final Set<String> unanswered = ConcurrentHashMap.newKeySet();

  private final AtomicInteger rejected = new AtomicInteger();

  @Test
  void everyAcknowledgedStatement_isStoredExactlyOnce_andTheTimelinesEqualARebuild()
      throws Exception {
    long started = System.nanoTime();
    try (StandaloneProcess standalone =
        new StandaloneProcess(work, List.of("--entente.timeline.processor.batch-size=100"))) {
      standalone.start();
      standalone.awaitReady(Duration.ofMinutes(3));
      for (int round = 1; round <= ROUNDS; round++) {
        ingestThenKill(standalone, round);
        standalone.start();
        standalone.awaitReady(Duration.ofMinutes(3));
        resendUnanswered(standalone);
        assertStoredExactlyOnce(standalone, round);
      }

      Map<String, Long> stored = storedStatements(standalone);
      long duplicates = stored.values().stream().filter(n -> n > 1).count();
      long found = acknowledged.stream().filter(stored::containsKey).count();
      System.out.printf(
          "crash test: rounds %d, clients %d, commands acknowledged %d, found %d, duplicates %d,"
              + " stored without acknowledgement %d, rejected %d, %.0f s%n",
          ROUNDS,
          CLIENTS,
          acknowledged.size(),
          found,
          duplicates,
          stored.keySet().stream().filter(id -> !acknowledged.contains(id)).count(),
          rejected.get(),
          (System.nanoTime() - started) / 1e9);
      assertThat(found).isEqualTo(acknowledged.size());
      assertThat(duplicates).isZero();
      assertThat(rejected.get()).isZero();
      assertThat(acknowledged.size()).isGreaterThan(ROUNDS);

      assertTimelinesEqualARebuild(standalone);
    }
  }

  /** Client threads record statements until the process is killed after a random while. */
  private void ingestThenKill(StandaloneProcess standalone, int round) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger answeredThisRound = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int client = 0; client < CLIENTS; client++) {
      int c = client;
      clients.submit(
          () -> {
            for (int n = 0; !killed.get(); n++) {
              String id = "crash-r%02d-c%d-%05d".formatted(round, c, n);
              if (send(standalone, id)) {
                answeredThisRound.incrementAndGet();
              } else {
                return;
              }
            }
          });
    }
    // kill at a random moment, once this round has stored something
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (answeredThisRound.get() < CLIENTS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1500));
    standalone.kill();
    killed.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
  }

  /** Sends one statement; false once the process is gone (the id is then unanswered). */
  private boolean send(StandaloneProcess standalone, String id) {
    try {
      HttpResponse<String> answer =
          standalone.post("/api/statements", statement(id), "crash-key-" + id);
      if (answer.statusCode() / 100 == 2) {
        acknowledged.add(id);
        unanswered.remove(id);
      } else if (answer.statusCode() >= 500) {
        unanswered.add(id); // e.g. the database went away first: outcome unknown
      } else {
        rejected.incrementAndGet();
        System.out.printf("crash test: %s rejected: %s%n", id, answer.body());
      }
      return true;
    } catch (IOException | InterruptedException e) {
      unanswered.add(id);
      return false;
    }
  }

  private void resendUnanswered(StandaloneProcess standalone) {
    for (String id : List.copyOf(unanswered)) {
      send(standalone, id);
    }
    assertThat(unanswered).as("answered after restart").isEmpty();
  }

  private void assertStoredExactlyOnce(StandaloneProcess standalone, int round) throws Exception {
    Map<String, Long> stored = storedStatements(standalone);
    assertThat(stored.keySet()).as("round %d", round).containsAll(acknowledged);
    assertThat(stored.values()).as("round %d", round).allMatch(n -> n == 1);
  }

  /** Crash statement ids in the event store, with how many StatementRecorded events each has. */
  private static Map<String, Long> storedStatements(StandaloneProcess standalone) throws Exception {
    Map<String, Long> stored = new HashMap<>();
    try (Connection db = standalone.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select aggregate_identifier, count(*) from domain_event_entry"
                    + " where aggregate_identifier like 'crash-%'"
                    + " and payload_type like '%.StatementRecorded' group by 1");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        stored.put(rs.getString(1), rs.getLong(2));
      }
    }
    return stored;
  }

  private void assertTimelinesEqualARebuild(StandaloneProcess standalone) throws Exception {
    String speaker = "/api/actors/mark-rutte/timeline?role=speaker";
    String group = "/api/groups/nato/timeline";
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    List<JsonNode> incremental = pages(standalone, speaker);
    while (crashEntries(incremental) < acknowledged.size() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      incremental = pages(standalone, speaker);
    }
    assertThat(crashEntries(incremental)).isEqualTo(acknowledged.size());
    List<JsonNode> groupIncremental = pages(standalone, group);

    JsonNode before = json.readTree(standalone.get("/api/admin/projections/timeline").body());
    assertThat(standalone.post("/api/admin/projections/timeline/rebuild", "", null).statusCode())
        .isBetween(200, 299);
    JsonNode status = before;
    while (System.nanoTime() < deadline + Duration.ofMinutes(2).toNanos()) {
      status = json.readTree(standalone.get("/api/admin/projections/timeline").body());
      if ("LIVE".equals(status.path("state").asText())
          && !status.path("lastRebuild").equals(before.path("lastRebuild"))) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(status.path("state").asText()).isEqualTo("LIVE");
    assertThat(status.path("live").path("slot")).isNotEqualTo(before.path("live").path("slot"));

    List<JsonNode> rebuilt = pages(standalone, speaker);
    List<JsonNode> groupRebuilt = pages(standalone, group);
    long positionOnly = differingOnlyInPosition(incremental, rebuilt);
    System.out.printf(
        "crash test: timelines compared with a rebuild: %d speaker entries, %d group entries;"
            + " %d speaker entries differ only in a version's position%n",
        rebuilt.size(), groupRebuilt.size(), positionOnly);
    // A version's "position" is the processor's token position when it was handled, which under
    // concurrent commits can be past the event's own index, and a rebuild (reading without gaps)
    // then notes another one: a known limit of the current timeline projection (issue 8 item 3),
    // reported by the line above. Everything else must be equal.
    assertThat(withoutPositions(rebuilt)).isEqualTo(withoutPositions(incremental));
    assertThat(withoutPositions(groupRebuilt)).isEqualTo(withoutPositions(groupIncremental));
  }

  private static long differingOnlyInPosition(List<JsonNode> before, List<JsonNode> after) {
    if (before.size() != after.size()) {
      return -1;
    }
    long differing = 0;
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))
          && withoutPositions(List.of(before.get(i)))
              .equals(withoutPositions(List.of(after.get(i))))) {
        differing++;
      }
    }
    return differing;
  }

  private static List<JsonNode> withoutPositions(List<JsonNode> entries) {
    return entries.stream()
        .map(
            entry -> {
              JsonNode copy = entry.deepCopy();
              copy.path("versions")
                  .forEach(
                      version -> {
                        if (version instanceof ObjectNode object) {
                          object.remove("position");
                        }
                      });
              return copy;
            })
        .toList();
  }

  private static long crashEntries(List<JsonNode> entries) {
    return entries.stream()
        .filter(entry -> entry.path("entryId").asText().startsWith("crash-"))
        .count();
  }

  /** Every entry of a timeline, following nextCursor. */
  private static List<JsonNode> pages(StandaloneProcess standalone, String timeline)
      throws Exception {
    List<JsonNode> entries = new ArrayList<>();
    String cursor = null;
    String separator = timeline.contains("?") ? "&" : "?";
    do {
      String path =
          timeline
              + separator
              + "limit=500"
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> page = standalone.get(path);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode body = json.readTree(page.body());
      body.path("items").forEach(entries::add);
      cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
    } while (cursor != null);
    return entries;
  }
}
