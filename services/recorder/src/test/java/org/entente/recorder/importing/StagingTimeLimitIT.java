package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A batch stages commands for at most {@code entente.commands.batch.max-staging-ms}, then leaves
 * the rest to the next batch: each root unit of work stays far within Axon's time limit, and every
 * line is still carried out once, in order.
 */
@SpringBootTest(properties = "entente.commands.batch.max-staging-ms=1")
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class StagingTimeLimitIT {

  @Autowired NdjsonImporter importer;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBatchPastItsStagingTime_leavesTheRestToTheNextTransaction_andEveryLineIsCreated() {
    String input =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    """
                    {"command":"RegisterActor","body":{"actorId":"staged-%d","kind":"STATE","name":"State %d"}}"""
                        .formatted(i, i))
            .collect(Collectors.joining("\n"));

    ImportSummary summary = importer.importNdjson(new StringReader(input), "staging-test");

    assertThat(summary.created()).isEqualTo(40);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier like 'staged-%'",
                Long.class))
        .isEqualTo(40);
    // more than one transaction stored them (one batch of 40 lines without the limit)
    assertThat(
            jdbc.queryForObject(
                "select count(distinct xmin::text) from domain_event_entry"
                    + " where aggregate_identifier like 'staged-%'",
                Long.class))
        .isGreaterThan(1);
  }
}
