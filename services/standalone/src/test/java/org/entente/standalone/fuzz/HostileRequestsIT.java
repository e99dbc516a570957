package org.entente.standalone.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;
import org.entente.standalone.fuzz.HostileRequests.Request;
import org.entente.standalone.fuzz.HostileRequests.Seed;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service (standalone, embedded PostgreSQL, real HTTP on a random port) under 100,000
 * generated malformed, oversized, wrongly typed and hostile requests to every write and query
 * endpoint, sent by parallel keep-alive clients. It asserts that no answer is a 5xx, that every
 * answer other than a success is an {@code application/problem+json} document with its status, and
 * that the event store holds exactly the events of the accepted requests: one event per accepted
 * (not replayed) command, at the aggregate and version its answer named.
 *
 * <p>{@code -Dentente.fuzz.requests=N} changes the count, {@code -Dentente.fuzz.seed=S} the seed
 * (printed with the counts).
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "entente.demo.enabled=false",
      // thousands of refusals: keep the log to what is unexpected
      "logging.level.org.entente=OFF",
      "logging.level.org.axonframework=ERROR",
      "logging.level.org.springframework.web=ERROR",
      "logging.level.org.apache.catalina=ERROR",
      "logging.level.org.apache.coyote=ERROR"
    })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class HostileRequestsIT {

  static final int REQUESTS = Integer.getInteger("entente.fuzz.requests", 100_000);
  static final long SEED = Long.getLong("entente.fuzz.seed", 20250213L);
  static final int CLIENTS = 8;

  /** Ends the workers' loop. */
  private static final Request DONE = new Request("", "", Map.of(), null, false, false, "done");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(CLIENTS))
          .build();

  private final AtomicLong generated = new AtomicLong();
  private final Map<String, AtomicLong> nanosByLabel =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, AtomicLong> countByLabel =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong unsendable = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong importLinesCreated = new AtomicLong();
  private final AtomicLongArray byClass = new AtomicLongArray(6);
  private final Set<String> answeredEvents = Collections.synchronizedSet(new HashSet<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong duplicateAnswers = new AtomicLong();

  @Test
  void hostileRequests_getNo5xx_onlyProblemDocuments_andStoreExactlyTheAcceptedEvents()
      throws Exception {
    Seed seed = seed();
    long before = lastGlobalIndex();
    HostileRequests generator = new HostileRequests(json, seed);
    BlockingQueue<Request> queue = new ArrayBlockingQueue<>(4 * CLIENTS);
    ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      running.add(workers.submit(() -> work(queue)));
    }
    long started = System.nanoTime();
    try {
      qt().withFixedSeed(SEED)
          // QuickTheories spends a few examples on its own; ask for a little more than REQUESTS
          .withExamples(REQUESTS + REQUESTS / 50 + 10)
          .withGenerateAttempts(2 * REQUESTS + 100)
          .forAll(generator.requests())
          .checkAssert(
              request -> {
                try {
                  generated.incrementAndGet();
                  queue.put(request);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });
    } finally {
      for (int i = 0; i < CLIENTS; i++) {
        queue.put(DONE);
      }
      for (Future<?> worker : running) {
        worker.get(10, TimeUnit.MINUTES);
      }
      workers.shutdown();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    List<String> stored =
        jdbc.query(
            "select aggregate_identifier, sequence_number from domain_event_entry"
                + " where global_index > ?",
            (rs, n) -> rs.getString(1) + "#" + rs.getLong(2),
            before);
    System.out.printf(
        "Fuzz (seed %d): %d requests sent (%d not sendable) in %.1f s (%.0f/s, %d clients); accepted writes %d (of which"
            + " import lines %d), idempotent replays %d; answers by class: 2xx %d, 3xx %d, 4xx %d,"
            + " 5xx: %d; events stored %d, events answered %d%n",
        SEED,
        sent.get(),
        unsendable.get(),
        seconds,
        sent.get() / seconds,
        CLIENTS,
        accepted.get(),
        importLinesCreated.get(),
        replayed.get(),
        byClass.get(2),
        byClass.get(3),
        byClass.get(4),
        byClass.get(5),
        stored.size(),
        answeredEvents.size());

    System.out.println("generated " + generated.get());
    nanosByLabel.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
        .limit(10)
        .forEach(
            e ->
                System.out.printf(
                    "  %-40s %8.1f s %6d requests%n",
                    e.getKey(), e.getValue().get() / 1e9, countByLabel.get(e.getKey()).get()));
    assertThat(failures).as("answers that broke the contract (first 20)").isEmpty();
    assertThat(sent.get() + unsendable.get()).isEqualTo(generated.get());
    assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS);
    assertThat(unsendable.get())
        .as("requests the HTTP client refused to send")
        .isLessThan(REQUESTS / 100);
    assertThat(byClass.get(5)).as("5xx answers").isZero();
    assertThat(duplicateAnswers.get())
        .as("two accepted commands answered the same version")
        .isZero();
    Set<String> unanswered = new HashSet<>(stored);
    unanswered.removeAll(answeredEvents);
    Set<String> missing = new HashSet<>(answeredEvents);
    missing.removeAll(new HashSet<>(stored));
    assertThat(unanswered).as("stored events no accepted request was answered with").isEmpty();
    assertThat(missing).as("accepted requests whose event is not stored").isEmpty();
    assertThat(new HashSet<>(stored))
        .as("stored events = the events the accepted requests were answered with")
        .isEqualTo(answeredEvents);
    assertThat(stored).hasSize((int) accepted.get());
  }

  private void work(BlockingQueue<Request> queue) {
    try {
      for (Request request = queue.take(); request != DONE; request = queue.take()) {
        send(request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
            // generous: a whole-timeline export can be slow on a busy machine
            .timeout(Duration.ofSeconds(180))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    TestUsers.authorized(builder);
    try {
      request.headers().forEach(builder::header);
    } catch (IllegalArgumentException e) {
      // a header value the client itself will not send; the server never sees it
      unsendable.incrementAndGet();
      return;
    }
    HttpResponse<byte[]> response;
    long start = System.nanoTime();
    try {
      response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      nanosByLabel
          .computeIfAbsent(request.label(), l -> new AtomicLong())
          .addAndGet(System.nanoTime() - start);
      countByLabel.computeIfAbsent(request.label(), l -> new AtomicLong()).incrementAndGet();
    } catch (IOException e) {
      fail(request, "no answer: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } finally {
      sent.incrementAndGet();
    }
    int status = response.statusCode();
    byClass.incrementAndGet(Math.min(Math.max(status / 100, 0), 5));
    if (status >= 500) {
      fail(request, status + " " + text(response));
      return;
    }
    if (status < 200 || status >= 300) {
      checkProblem(request, response);
      return;
    }
    if (!request.write()) {
      return;
    }
    if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
      replayed.incrementAndGet();
      return;
    }
    if (request.importing()) {
      for (String line : text(response).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode answer = parse(request, line);
        if (answer != null && "created".equals(answer.path("status").asText())) {
          importLinesCreated.incrementAndGet();
          answered(request, answer);
        }
      }
      return;
    }
    JsonNode answer = parse(request, text(response));
    if (answer != null) {
      answered(request, answer);
    }
  }

  private void answered(Request request, JsonNode answer) {
    if (!answer.hasNonNull("id") || !answer.path("version").canConvertToLong()) {
      fail(request, "a success without id and version: " + answer);
      return;
    }
    accepted.incrementAndGet();
    if (!answeredEvents.add(answer.get("id").asText() + "#" + answer.get("version").asLong())) {
      duplicateAnswers.incrementAndGet();
      fail(request, "answered a version already answered: " + answer);
    }
  }

  private void checkProblem(Request request, HttpResponse<byte[]> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      fail(request, response.statusCode() + " with Content-Type '" + type + "': " + text(response));
      return;
    }
    JsonNode problem = parse(request, text(response));
    if (problem != null
        && (problem.path("status").asInt() != response.statusCode()
            || !problem.path("type").asText().startsWith("urn:entente:problem:")
            || !problem.path("errors").isArray()
            || problem.path("errors").isEmpty())) {
      fail(request, "not a problem document of ours: " + problem);
    }
  }

  private JsonNode parse(Request request, String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      fail(request, "not JSON: " + (body.length() > 300 ? body.substring(0, 300) : body));
      return null;
    }
  }

  private void fail(Request request, String what) {
    if (failures.size() < 20) {
      failures.add(what + " ← " + request);
    }
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private long lastGlobalIndex() {
    Long last =
        jdbc.queryForObject(
            "select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
    return last == null ? 0 : last;
  }

  /** The records follow-up requests refer to, created over HTTP (each must be accepted). */
  private Seed seed() throws Exception {
    String person =
        created(
            "/api/actors",
            "{\"actorId\":\"fz-kallas\",\"kind\":\"PERSON\",\"name\":\"Kaja Kallas\"}");
    String state =
        created(
            "/api/actors",
            "{\"actorId\":\"fz-usa\",\"kind\":\"STATE\",\"name\":\"United States\"}");
    String group =
        created("/api/actors", "{\"actorId\":\"fz-nato\",\"kind\":\"ALLIANCE\",\"name\":\"NATO\"}");
    created("/api/actors/fz-usa/memberships", "{\"groupId\":\"fz-nato\",\"from\":\"1949-04-04\"}");
    String source =
        created(
            "/api/sources",
            "{\"sourceId\":\"fz-nos\",\"publisher\":\"NOS\",\"url\":\"https://nos.nl/l/1\",\"title\":\"NAVO\","
                + "\"language\":\"nl\",\"text\":"
                + json.writeValueAsString(HostileRequests.SOURCE_TEXT)
                + "}");
    String event =
        created(
            "/api/events",
            "{\"eventId\":\"fz-meeting\",\"kind\":\"MEETING\",\"title\":\"Ministers\",\"time\":{\"at\":\"2025-02-12T00:00:00Z\",\"precision\":\"DAY\"},\"status\":\"SCHEDULED\"}");
    int start = HostileRequests.SOURCE_TEXT.indexOf(HostileRequests.QUOTE);
    String statement =
        created(
            "/api/statements",
            ("{\"statementId\":\"fz-dirty-deal\",\"speakerId\":\"fz-kallas\",\"targetIds\":[\"fz-usa\"],"
                    + "\"saidAt\":{\"at\":\"2025-02-13T09:00:00Z\",\"precision\":\"INSTANT\"},\"stance\":\"CRITICISM\","
                    + "\"cameoCode\":\"111\",\"weight\":{\"value\":-2.0,\"scale\":\"goldstein\",\"scaleVersion\":\"cameo-1.1b3\"},"
                    + "\"original\":{\"language\":\"nl\",\"text\":\"%s\"},\"citations\":[{\"sourceId\":\"fz-nos\","
                    + "\"grade\":\"DIRECT_QUOTE\",\"excerpt\":{\"start\":%d,\"end\":%d}}]}")
                .formatted(HostileRequests.QUOTE, start, start + HostileRequests.QUOTE.length()));
    return new Seed(person, state, group, source, event, statement);
  }

  private String created(String path, String body) throws Exception {
    HttpResponse<String> response =
        client.send(
            TestUsers.authorized(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 201);
    return json.readTree(response.body()).get("id").asText();
  }
}
