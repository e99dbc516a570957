package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.recorder.web.Api.unique;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RecorderHttpTest
class NdjsonImporterIT {

  @Autowired NdjsonImporter importer;
  @Autowired JdbcTemplate jdbc;

  @Test
  void importNdjson_inProcess_countsOutcomes_andRecordsAsTheGivenRecorder() {
    String run = unique("demo");
    String input =
        """
        {"command":"RegisterActor","idempotencyKey":"%1$s-eu","body":{"actorId":"%1$s-eu","kind":"ORGANISATION","name":"EU"}}
        {"command":"RegisterActor","idempotencyKey":"%1$s-eu","body":{"actorId":"%1$s-eu","kind":"ORGANISATION","name":"EU"}}
        {"command":"AssignRole","body":{"actorId":"%1$s-eu","title":"x","atActorId":"%1$s-eu","from":"2025-01-01"}}
        """
            .formatted(run);

    ImportSummary summary = importer.importNdjson(new StringReader(input), "demo-loader");

    assertThat(summary.created()).isEqualTo(1);
    assertThat(summary.duplicate()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(summary.results())
        .extracting(ImportLineResult::line, ImportLineResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ImportLineResult.Status.CREATED),
            org.assertj.core.groups.Tuple.tuple(2, ImportLineResult.Status.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(3, ImportLineResult.Status.REJECTED));
    assertThat(summary.results().get(2).problem().getStatus()).isEqualTo(422);
    assertThat(
            jdbc.queryForObject(
                "select convert_from(meta_data, 'UTF8')::jsonb ->> 'recordedBy'"
                    + " from domain_event_entry where aggregate_identifier = ?",
                String.class,
                run + "-eu"))
        .isEqualTo("demo-loader");
  }

  @Test
  void importNdjson_answersEachLineBeforeReadingTheNext() {
    String run = unique("stream");
    List<String> input = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      input.add(
          "{\"command\":\"RegisterActor\",\"body\":{\"actorId\":\"%s-%d\",\"kind\":\"STATE\",\"name\":\"S%d\"}}\n"
              .formatted(run, i, i));
    }
    LineByLineReader reader = new LineByLineReader(input);
    List<Integer> linesReadWhenAnswered = new ArrayList<>();

    importer.importNdjson(
        reader,
        new Caller("streamer", unique("corr")),
        null,
        result -> linesReadWhenAnswered.add(reader.handedOut.get()));

    assertThat(linesReadWhenAnswered).containsExactly(1, 2, 3, 4, 5);
  }

  /** Hands out one line per read, and counts how many it has handed out. */
  static final class LineByLineReader extends Reader {

    final AtomicInteger handedOut = new AtomicInteger();
    private final List<String> lines;
    private Reader current = new StringReader("");

    LineByLineReader(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws java.io.IOException {
      int read = current.read(buffer, offset, length);
      if (read > 0) {
        return read;
      }
      if (handedOut.get() == lines.size()) {
        return -1;
      }
      current = new StringReader(lines.get(handedOut.getAndIncrement()));
      return current.read(buffer, offset, length);
    }

    @Override
    public void close() {}
  }
}
