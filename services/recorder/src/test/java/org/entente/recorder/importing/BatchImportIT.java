package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.unique;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.entente.recorder.batching.CommandBatch;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandAnswers;
import org.entente.recorder.web.CommandMapper;
import org.entente.recorder.web.CommandRunner;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An import batch: validated together, appended in one transaction, answered line by line. */
@RecorderHttpTest
class BatchImportIT {

  @Autowired NdjsonImporter importer;
  @Autowired CommandMapper mapper;
  @Autowired CommandRunner runner;
  @Autowired CommandBatch batch;
  @Autowired CommandAnswers answers;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRejectedLine_changesNothing_andTheOtherLinesOfItsBatchLand_inOneTransaction() {
    String run = unique("mixed");
    importAll(
        importer,
        "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s-taken\",\"kind\":\"STATE\",\"name\":\"T\"}}\n"
            .formatted(run),
        null);
    String input =
        """
        {"command":"RegisterActor","body":{"actorId":"%1$s-a","kind":"STATE","name":"A"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-b","kind":"PERSON","name":"B"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-taken","kind":"STATE","name":"T"}}
        {"command":"AssignRole","body":{"actorId":"%1$s-b","title":"x","atActorId":"%1$s-a","from":"2025-01-01"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-c","kind":"STATE","name":"C"}}
        """
            .formatted(run);

    List<ImportLineResult> results = importAll(importer, input, null);

    assertThat(results)
        .extracting(ImportLineResult::status)
        .containsExactly(
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.REJECTED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED);
    assertThat(results.get(2).problem().getStatus()).isEqualTo(409);
    assertThat(results.get(3).version()).isEqualTo(1L);
    assertThat(events(run + "-taken")).isEqualTo(1);
    assertThat(events(run + "-b")).isEqualTo(2);
    assertThat(transactions(run + "-a", run + "-b", run + "-c"))
        .as("the batch's events were appended in one transaction")
        .isEqualTo(1);
  }

  @Test
  void aLineNamingWhatItsBatchRegisters_seesIt_inOrder() {
    String run = unique("depends");
    String input =
        """
        {"command":"RegisterActor","body":{"actorId":"%1$s-p","kind":"PERSON","name":"P"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-s","kind":"STATE","name":"S"}}
        {"command":"AssignRole","body":{"actorId":"%1$s-p","title":"Minister","atActorId":"%1$s-s","from":"2025-01-01"}}
        {"command":"AssignRole","body":{"actorId":"%1$s-p","title":"Envoy","atActorId":"%1$s-s","from":"2025-02-01"}}
        {"command":"RegisterActor","body":{"actorId":"%1$s-s","kind":"STATE","name":"S again"}}
        """
            .formatted(run);

    List<ImportLineResult> results = importAll(importer, input, null);

    assertThat(results)
        .extracting(ImportLineResult::status)
        .containsExactly(
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.REJECTED);
    assertThat(results).extracting(ImportLineResult::version).startsWith(0L, 0L, 1L, 2L);
    assertThat(results.get(4).problem().getStatus()).isEqualTo(409);
    assertThat(events(run + "-p")).isEqualTo(3);
    assertThat(events(run + "-s")).isEqualTo(1);
  }

  @Test
  void aStatementCitingASourceRegisteredInItsBatch_isCheckedAgainstTheStagedText() {
    String run = unique("cites");
    String source =
        """
        {"sourceId":"%s-src","publisher":"NOS","url":"https://nos.nl/l/1","title":"NAVO-top",        "publishedAt":"2025-02-13T12:00:00Z","language":"nl","text":"%s"}"""
            .formatted(run, Api.SOURCE_TEXT.replace("\"", "\\\""));
    String statement =
        Api.statementBody(run + "-st", run + "-kallas", run + "-usa", run + "-src")
            .replace("\n", " ");
    String input =
        String.join(
            "\n",
            "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%1$s-kallas\",\"kind\":\"PERSON\",\"name\":\"K\"}}"
                .formatted(run),
            "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%1$s-usa\",\"kind\":\"STATE\",\"name\":\"U\"}}"
                .formatted(run),
            "{\"command\":\"RegisterSource\",\"body\":" + source + "}",
            "{\"command\":\"RecordStatement\",\"body\":" + statement + "}",
            "");

    List<ImportLineResult> results = importAll(importer, input, null);

    assertThat(results)
        .extracting(ImportLineResult::status)
        .containsOnly(ImportLineResult.Status.CREATED);
    assertThat(transactions(run + "-kallas", run + "-usa", run + "-src", run + "-st")).isEqualTo(1);
  }

  @Test
  void resendingAnImport_storesNothingTwice_andAnswersEachLineAsDuplicate() {
    String run = unique("resend");
    String requestKey = unique("request");
    String input =
        """
        {"command":"RegisterActor","body":{"actorId":"%1$s-a","kind":"STATE","name":"A"}}
        {"command":"RegisterActor","idempotencyKey":"%1$s-key","body":{"actorId":"%1$s-b","kind":"PERSON","name":"B"}}
        {"command":"RegisterActor","idempotencyKey":"%1$s-key","body":{"actorId":"%1$s-b","kind":"PERSON","name":"B"}}
        {"command":"AssignRole","body":{"actorId":"%1$s-b","title":"x","atActorId":"%1$s-a","from":"2025-01-01"}}
        """
            .formatted(run);

    List<ImportLineResult> first = importAll(importer, input, requestKey);
    List<ImportLineResult> again = importAll(importer, input, requestKey);

    assertThat(first)
        .extracting(ImportLineResult::status)
        .containsExactly(
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.CREATED,
            ImportLineResult.Status.DUPLICATE,
            ImportLineResult.Status.CREATED);
    assertThat(again)
        .extracting(ImportLineResult::status)
        .containsOnly(ImportLineResult.Status.DUPLICATE);
    assertThat(again)
        .extracting(ImportLineResult::version)
        .isEqualTo(first.stream().map(ImportLineResult::version).toList());
    assertThat(events(run + "-a")).isEqualTo(1);
    assertThat(events(run + "-b")).isEqualTo(2);
  }

  @Test
  void linesAreCarriedOutInBatchesOfTheConfiguredSize_oneTransactionEach() {
    NdjsonImporter byThree = new NdjsonImporter(mapper, runner, batch, answers, 3);
    String run = unique("sizes");
    StringBuilder input = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      input.append(
          "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s-%d\",\"kind\":\"STATE\",\"name\":\"S%d\"}}\n"
              .formatted(run, i, i));
    }

    List<ImportLineResult> results = importAll(byThree, input.toString(), null);

    assertThat(results)
        .extracting(ImportLineResult::status)
        .containsOnly(ImportLineResult.Status.CREATED);
    assertThat(results).hasSize(7);
    assertThat(
            jdbc.queryForList(
                "select count(*) from domain_event_entry where aggregate_identifier like ?"
                    + " group by tx_id order by min(global_index)",
                Long.class,
                run + "-%"))
        .containsExactly(3L, 3L, 1L);
  }

  private static List<ImportLineResult> importAll(
      NdjsonImporter importer, String input, String requestKey) {
    List<ImportLineResult> results = new ArrayList<>();
    importer.importNdjson(
        new StringReader(input),
        new Caller("batch-test", unique("corr")),
        requestKey,
        results::add);
    return results;
  }

  private long events(String id) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
  }

  private long transactions(String... ids) {
    return jdbc.queryForObject(
        "select count(distinct tx_id) from domain_event_entry where aggregate_identifier = any(?)",
        Long.class,
        (Object) ids);
  }
}
