package org.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated history through the real service: the standalone jar as a child JVM on a fresh
 * embedded database (exactly as the benchmark starts it), the history posted to {@code
 * /api/import}; every line is carried out, none rejected, one stored event per line, and a
 * statement made for the HTTP ingest is accepted too.
 */
class GeneratedHistoryIT {

  @TempDir Path work;

  @Test
  void generatedHistory_isAcceptedLineByLine_byTheRealService() throws Exception {
    HistoryGenerator generator = new HistoryGenerator(11, 600, Cameo.load());
    StringBuilder ndjson = new StringBuilder();
    generator.write(line -> ndjson.append(line).append('\n'));
    Path jar = Path.of(System.getProperty("entente.bench.service-jar"));
    try (ServiceProcess service =
        ServiceProcess.start(
            jar,
            work.resolve("data"),
            0,
            null,
            List.of("-Xmx512m"),
            List.of(),
            work.resolve("service.log"))) {
      service.awaitReady(Duration.ofMinutes(10));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/import"))
                  .header("Authorization", ServiceProcess.AUTHORIZATION)
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      List<String> answers = Arrays.stream(response.body().split("\n")).toList();
      assertThat(answers).hasSize(600);
      assertThat(answers)
          .as("rejected lines (see %s)", service.log())
          .allMatch(a -> a.contains("\"status\":\"created\""));
      Baselines db = new Baselines(service.database());
      assertThat(db.count("SELECT count(*) FROM domain_event_entry")).isEqualTo(600);

      HttpResponse<String> statement =
          http.send(
              HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/statements"))
                  .header("Authorization", ServiceProcess.AUTHORIZATION)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          generator.nextStatement("ingest-probe").toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(statement.statusCode()).as(statement.body()).isEqualTo(201);
    }
  }
}
