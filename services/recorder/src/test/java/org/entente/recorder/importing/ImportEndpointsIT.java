package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RecorderHttpTest
class ImportEndpointsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  Api api;
  String run;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
    run = unique("run");
  }

  /** Good and bad lines mixed; ids and keys are unique to this test run. */
  private String mixedImport() {
    return """
        # NATO and two states; the bad lines must not stop the good ones
        {"command":"RegisterActor","idempotencyKey":"%1$s-nato","body":{"actorId":"%1$s-nato","kind":"ALLIANCE","name":"NATO"}}

        {"command":"RegisterActor","body":{"actorId":"%1$s-bad","kind":"COUNTRY","name":"Atlantis"}}
        {"command":"RegisterCountry","body":{"name":"Atlantis"}}
        {"command":"RegisterActor","idempotencyKey":"%1$s-se","body":{"actorId":"%1$s-se","kind":"STATE","name":"Sweden"}}
        {"command":"RecordMembership","idempotencyKey":"%1$s-se-nato","body":{"actorId":"%1$s-se","groupId":"%1$s-nato","from":"2024-03-07"}}
        {"command":"RecordMembership","body":{"actorId":"%1$s-se","groupId":"%1$s-ghost","from":"2024-03-07"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-fi","kind":"STATE","name":
        {"command":"RegisterActor","body":{"actorId":"%1$s-fi","kind":"STATE"}}
        """
        .formatted(run);
  }

  @Test
  void import_answersEveryCommandLineInOrder_andStoresOnlyTheGoodOnes() throws Exception {
    MvcResult result =
        mvc.perform(
                ndjson(mixedImport())
                    .principal(() -> "importer-ida")
                    .header("X-Correlation-Id", "corr-import"))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getResponse().getContentType()).startsWith("application/x-ndjson");
    List<JsonNode> lines = lines(result);
    assertThat(lines)
        .extracting(l -> l.get("line").asInt())
        .containsExactly(2, 4, 5, 6, 7, 8, 9, 10);
    assertThat(lines)
        .extracting(l -> l.get("status").asText())
        .containsExactly(
            "created",
            "rejected",
            "rejected",
            "created",
            "created",
            "rejected",
            "rejected",
            "rejected");
    assertThat(lines.get(0).get("id").asText()).isEqualTo(run + "-nato");
    assertThat(lines.get(0).get("version").asLong()).isZero();
    assertThat(lines.get(0).get("command").asText()).isEqualTo("RegisterActor");
    assertThat(lines.get(4).get("version").asLong()).isEqualTo(1);

    assertRejected(lines.get(1), 400, "malformed-request", "kind");
    assertRejected(lines.get(2), 400, "malformed-request", "command");
    assertThat(lines.get(2).at("/problem/detail").asText()).contains("RegisterCountry");
    assertRejected(lines.get(5), 404, "unknown-reference", "groupId");
    // a line that is not JSON: the path is where the parser stopped within the line
    assertRejected(lines.get(6), 400, "malformed-request", "body.name");
    assertThat(lines.get(6).has("command")).isFalse();
    assertRejected(lines.get(7), 400, "invalid-command", "name");
    assertThat(lines.get(1).at("/problem/instance").asText()).isEqualTo("/api/import#line=4");
    assertThat(lines.get(1).at("/problem/correlationId").asText()).isEqualTo("corr-import");

    assertThat(api.events(run + "-nato")).isEqualTo(1);
    assertThat(api.events(run + "-se")).isEqualTo(2);
    assertThat(api.events(run + "-bad")).isZero();
    assertThat(api.events(run + "-fi")).isZero();
    assertThat(
            jdbc.queryForList(
                "select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedBy' || ' '"
                    + " || (convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId')"
                    + " from domain_event_entry where aggregate_identifier like ?",
                String.class,
                run + "-%"))
        .containsExactly("importer-ida corr-import");
  }

  @Test
  void importingAgain_answersKeyedLinesAsDuplicates_withTheirFirstAnswer() throws Exception {
    mvc.perform(ndjson(mixedImport())).andReturn();
    long before = api.allEvents();

    List<JsonNode> again = lines(mvc.perform(ndjson(mixedImport())).andReturn());

    assertThat(again)
        .extracting(l -> l.get("status").asText())
        .containsExactly(
            "duplicate",
            "rejected",
            "rejected",
            "duplicate",
            "duplicate",
            "rejected",
            "rejected",
            "rejected");
    assertThat(again.get(0).get("id").asText()).isEqualTo(run + "-nato");
    assertThat(again.get(4).get("version").asLong()).isEqualTo(1);
    assertThat(api.allEvents()).isEqualTo(before);
  }

  @Test
  void idempotencyHeader_keysTheLinesWithoutTheirOwnKey() throws Exception {
    String lines =
        """
        {"command":"RegisterActor","body":{"kind":"STATE","name":"Estonia"}}
        {"command":"RegisterActor","body":{"kind":"STATE","name":"Latvia"}}
        """;
    String key = unique("import");

    List<JsonNode> first =
        lines(mvc.perform(ndjson(lines).header("Idempotency-Key", key)).andReturn());
    long before = api.allEvents();
    List<JsonNode> retry =
        lines(mvc.perform(ndjson(lines).header("Idempotency-Key", key)).andReturn());

    assertThat(first).extracting(l -> l.get("status").asText()).containsOnly("created");
    assertThat(retry).extracting(l -> l.get("status").asText()).containsOnly("duplicate");
    assertThat(retry)
        .extracting(l -> l.get("id").asText())
        .containsExactlyElementsOf(first.stream().map(l -> l.get("id").asText()).toList());
    assertThat(api.allEvents()).isEqualTo(before);
  }

  @Test
  void aLineKeyReusedForAnotherCommand_isRejectedWith422NamingTheKey() throws Exception {
    mvc.perform(
            ndjson(
                """
                {"command":"RegisterActor","idempotencyKey":"%1$s","body":{"actorId":"%1$s-lt","kind":"STATE","name":"Lithuania"}}
                """
                    .formatted(run)))
        .andReturn();

    List<JsonNode> reused =
        lines(
            mvc.perform(
                    ndjson(
                        """
                        {"command":"RegisterActor","idempotencyKey":"%1$s","body":{"actorId":"%1$s-pl","kind":"STATE","name":"Poland"}}
                        """
                            .formatted(run)))
                .andReturn());

    assertRejected(reused.get(0), 422, "idempotency-key-reused", "idempotencyKey");
    assertThat(api.events(run + "-pl")).isZero();
  }

  @Test
  void importOfAnotherMediaType_isA415Problem() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/api/import")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"command\":\"RegisterActor\"}"))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(415);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
  }

  @Test
  void malformedIdempotencyHeader_isA400ProblemBeforeAnyLineIsRead() throws Exception {
    String line =
        "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s\",\"kind\":\"STATE\",\"name\":\"X\"}}"
            .formatted(run);

    MvcResult result =
        mvc.perform(ndjson(line).header("Idempotency-Key", "with space")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(api.body(result).at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
    assertThat(api.events(run)).isZero();
  }

  @Test
  void everyImportedEvent_namesTheImporterTheFileAndItsSha256() throws Exception {
    String body =
        ("{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%1$s-a\",\"kind\":\"STATE\",\"name\":\"A\"}}\n"
                + "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%1$s-b\",\"kind\":\"STATE\",\"name\":\"B\"}}\n")
            .formatted(run);
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));

    MvcResult byParameter =
        mvc.perform(
                post("/api/import?fileName=states.ndjson")
                    .contentType("application/x-ndjson")
                    .content(body.getBytes(StandardCharsets.UTF_8))
                    .principal(() -> "importer-ida"))
            .andReturn();

    assertThat(byParameter.getResponse().getStatus()).isEqualTo(200);
    assertThat(byParameter.getResponse().getHeader("Import-SHA256")).isEqualTo(sha256);
    assertThat(lines(byParameter))
        .extracting(l -> l.get("status").asText())
        .containsExactly("created", "created");
    assertThat(
            jdbc.queryForList(
                "select distinct (convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedBy') || ' '"
                    + " || (convert_from(meta_data, 'UTF8')::jsonb ->> 'importFile') || ' '"
                    + " || (convert_from(meta_data, 'UTF8')::jsonb ->> 'importSha256')"
                    + " from domain_event_entry where aggregate_identifier like ?",
                String.class,
                run + "-%"))
        .containsExactly("importer-ida states.ndjson " + sha256);
  }

  @Test
  void theFileName_mayComeFromContentDisposition_andMustBePrintable() throws Exception {
    String line =
        "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s\",\"kind\":\"STATE\",\"name\":\"X\"}}\n"
            .formatted(run);
    MvcResult named =
        mvc.perform(
                ndjson(line)
                    .header("Content-Disposition", "attachment; filename=\"from-header.ndjson\""))
            .andReturn();
    assertThat(named.getResponse().getStatus()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8')::jsonb ->> 'importFile'"
                    + " from domain_event_entry where aggregate_identifier = ?",
                String.class,
                run))
        .isEqualTo("from-header.ndjson");

    MvcResult bad =
        mvc.perform(
                post("/api/import")
                    .param("fileName", "bad\u0007name")
                    .contentType("application/x-ndjson")
                    .content(line.replace(run, run + "-2").getBytes(StandardCharsets.UTF_8)))
            .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(api.body(bad).at("/errors/0/field").asText()).isEqualTo("fileName");
    assertThat(api.events(run + "-2")).isZero();
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder ndjson(
      String body) {
    return post("/api/import")
        .contentType("application/x-ndjson")
        .content(body.getBytes(StandardCharsets.UTF_8));
  }

  private List<JsonNode> lines(MvcResult result) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line :
        result.getResponse().getContentAsString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(json.readTree(line));
      }
    }
    return lines;
  }

  private static void assertRejected(JsonNode line, int status, String type, String field) {
    assertThat(line.get("status").asText()).isEqualTo("rejected");
    assertThat(line.has("id")).isFalse();
    JsonNode problem = line.get("problem");
    assertThat(problem.get("status").asInt()).as(problem.toString()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo("urn:entente:problem:" + type);
    assertThat(problem.at("/errors/0/field").asText()).as(problem.toString()).isEqualTo(field);
    assertThat(problem.at("/errors/0/reason").asText()).isNotBlank();
  }
}
