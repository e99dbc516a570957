package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The import's limits (issue 8, item 8): line length, line count, cut-off uploads, keys. */
@RecorderHttpTest
class ImportLimitsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired NdjsonImporter importer;
  Api api;
  String run;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
    run = unique("limits");
  }

  @Test
  void aLineOverTheLimit_is413NamingTheLine_andTheLinesAroundItAreImported() throws Exception {
    String huge =
        "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s-huge\",\"kind\":\"STATE\",\"name\":\"%s\"}}"
            .formatted(run, "x".repeat(NdjsonImporter.MAX_LINE_CHARS));
    String body = actor("a") + huge + "\n" + actor("b");

    List<JsonNode> answers = lines(mvc.perform(ndjson(body)).andReturn());

    assertThat(answers)
        .extracting(l -> l.get("status").asText())
        .containsExactly("created", "rejected", "created");
    JsonNode problem = answers.get(1).get("problem");
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("instance").asText()).isEqualTo("/api/import#line=2");
    assertThat(problem.at("/errors/0/field").asText()).isEqualTo("line");
    assertThat(api.events(run + "-huge")).isZero();
    assertThat(api.events(run + "-b")).isEqualTo(1);
  }

  @Test
  void aLastLineWithoutItsNewline_isCutOff_andNotCarriedOut() throws Exception {
    String body = actor("a") + actor("b").strip();

    List<JsonNode> answers = lines(mvc.perform(ndjson(body)).andReturn());

    assertThat(answers)
        .extracting(l -> l.get("status").asText())
        .containsExactly("created", "rejected");
    JsonNode problem = answers.get(1).get("problem");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.at("/errors/0/reason").asText()).contains("cut off");
    assertThat(api.events(run + "-a")).isEqualTo(1);
    assertThat(api.events(run + "-b")).isZero();
  }

  @Test
  void aBodyShorterThanItsContentLength_failsInsteadOfEnding() {
    byte[] body = actor("a").getBytes(StandardCharsets.UTF_8);
    var input =
        new DeclaredLengthInputStream(new java.io.ByteArrayInputStream(body), body.length + 10);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> input.readAllBytes())
        .isInstanceOf(java.io.EOFException.class)
        .hasMessageContaining("Content-Length");
  }

  @Test
  void anInputThatFailsMidLine_answersTheLineAsCutOff_andCarriesOutOnlyTheCompleteLines() {
    Reader failing =
        new Reader() {
          private final Reader complete = new StringReader(actor("a") + actor("b") + "{\"comm");

          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            int n = complete.read(buffer, offset, length);
            if (n < 0) {
              throw new IOException("connection reset");
            }
            return n;
          }

          @Override
          public void close() {}
        };
    List<ImportLineResult> answers = new ArrayList<>();

    importer.importNdjson(failing, new Caller("cutter", run), null, true, answers::add);

    assertThat(answers)
        .extracting(ImportLineResult::status)
        .containsExactly(
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.REJECTED);
    assertThat(answers.get(2).line()).isEqualTo(3);
    assertThat(answers.get(2).problem().getStatus()).isEqualTo(400);
  }

  @Test
  void linesAfterTheMaximum_areNotRead_andTheFirstOfThemIsA413() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < NdjsonImporter.MAX_COMMAND_LINES; i++) {
      body.append("{\"command\":\"NoSuchCommand\",\"body\":{}}\n");
    }
    body.append(actor("over"));
    List<ImportLineResult> answers = new ArrayList<>();

    importer.importNdjson(
        new StringReader(body.toString()), new Caller("many", run), null, true, answers::add);

    assertThat(answers).hasSize(NdjsonImporter.MAX_COMMAND_LINES + 1);
    ImportLineResult last = answers.get(answers.size() - 1);
    assertThat(last.line()).isEqualTo(NdjsonImporter.MAX_COMMAND_LINES + 1);
    assertThat(last.problem().getStatus()).isEqualTo(413);
    assertThat(api.events(run + "-over")).isZero();
  }

  @Test
  void resendingAFileWithOneMoreLine_runsNoLineTwice() throws Exception {
    String key = unique("file");
    String first = actorWithoutId("Estonia") + actorWithoutId("Latvia");
    String second = actorWithoutId("Lithuania") + first;

    List<JsonNode> once =
        lines(mvc.perform(ndjson(first).header("Idempotency-Key", key)).andReturn());
    long before = api.allEvents();
    List<JsonNode> again =
        lines(mvc.perform(ndjson(second).header("Idempotency-Key", key)).andReturn());

    assertThat(once).extracting(l -> l.get("status").asText()).containsOnly("created");
    assertThat(again)
        .extracting(l -> l.get("status").asText())
        .containsExactly("created", "duplicate", "duplicate");
    assertThat(again.get(1).get("id").asText()).isEqualTo(once.get(0).get("id").asText());
    assertThat(again.get(2).get("id").asText()).isEqualTo(once.get(1).get("id").asText());
    assertThat(api.allEvents()).isEqualTo(before + 1);
  }

  @Test
  void twoIdenticalLinesUnderARequestKey_areTwoCommands() throws Exception {
    String key = unique("twins");
    String twins = actorWithoutId("Twin") + actorWithoutId("Twin");

    List<JsonNode> answers =
        lines(mvc.perform(ndjson(twins).header("Idempotency-Key", key)).andReturn());

    assertThat(answers)
        .extracting(l -> l.get("status").asText())
        .containsExactly("created", "created");
    assertThat(answers.get(0).get("id").asText()).isNotEqualTo(answers.get(1).get("id").asText());
  }

  private String actor(String suffix) {
    return "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s-%s\",\"kind\":\"STATE\",\"name\":\"S\"}}\n"
        .formatted(run, suffix);
  }

  private static String actorWithoutId(String name) {
    return "{\"command\":\"RegisterActor\",\"body\":{\"kind\":\"STATE\",\"name\":\"%s\"}}\n"
        .formatted(name);
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
}
