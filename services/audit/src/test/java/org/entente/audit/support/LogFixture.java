package org.entente.audit.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.audit.log.AuditLog;
import org.entente.verifier.VerifierCli;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stores events, waits for the log, talks to the audit API and runs the offline verifier. */
public class LogFixture {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventStore events;
  private final JdbcTemplate jdbc;
  private final AuditLog log;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  public LogFixture(EventStore events, JdbcTemplate jdbc, AuditLog log, int port) {
    this.events = events;
    this.jdbc = jdbc;
    this.log = log;
    this.port = port;
  }

  /** Stores one event of a new aggregate; returns its position. */
  public long store(String text) {
    String aggregate = "audit-" + UUID.randomUUID();
    storeIn(aggregate, text);
    return positionOf(aggregate);
  }

  public void storeIn(String aggregate, String text) {
    String id = UUID.randomUUID().toString();
    events.publish(
        new GenericDomainEventMessage<>(
            "AuditTest",
            aggregate,
            0,
            new AuditTestEvent(text, 2.5),
            Map.of("recordedBy", "auditor-test", "commandId", id, "correlationId", id),
            UUID.randomUUID().toString(),
            Instant.now()));
  }

  public long positionOf(String aggregate) {
    return jdbc.queryForObject(
        "select global_index from domain_event_entry where aggregate_identifier = ?",
        Long.class,
        aggregate);
  }

  /** Waits until the log covers {@code position}. */
  public void awaitLogged(long position) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (log.state().lastPosition() < position) {
      assertThat(System.nanoTime()).as("log reaches position %d", position).isLessThan(deadline);
      sleep(20);
    }
  }

  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), 200);
  }

  public JsonNode get(String path, int status) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), status);
  }

  /** Starts a verification and waits for its finding. */
  public JsonNode verify() {
    JsonNode started =
        send(
            HttpRequest.newBuilder(uri("/api/audit/verify"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            202);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode progress = started;
    while (java.util.Set.of("QUEUED", "RUNNING").contains(progress.get("state").asText())) {
      assertThat(System.nanoTime()).as("verification finishes").isLessThan(deadline);
      sleep(50);
      progress = get("/api/audit/verify/" + started.get("id").asText());
    }
    return progress;
  }

  /** Runs the offline verifier on JSON documents saved to files; returns exit status and output. */
  public CliResult cli(Path folder, String command, Map<String, Object> inputs) {
    try {
      Files.createDirectories(folder);
      java.util.List<String> args = new java.util.ArrayList<>();
      args.add(command);
      for (Map.Entry<String, Object> input : inputs.entrySet()) {
        Path file = folder.resolve(input.getKey() + ".json");
        Object value = input.getValue();
        Files.writeString(
            file, value instanceof String text ? text : JSON.writeValueAsString(value));
        args.add("--" + input.getKey());
        args.add(file.toString());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status =
          new VerifierCli(new PrintStream(out, true, StandardCharsets.UTF_8))
              .run(args.toArray(String[]::new));
      return new CliResult(status, out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public record CliResult(int status, String output) {}

  private JsonNode send(HttpRequest.Builder request, int status) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
