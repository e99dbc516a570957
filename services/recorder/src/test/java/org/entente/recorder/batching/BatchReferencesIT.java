package org.entente.recorder.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.recorder.web.Api.unique;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.entente.recorder.web.Api;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandCatalog;
import org.entente.recorder.web.CommandMapper;
import org.entente.recorder.web.CommandSpec;
import org.entente.recorder.web.RecorderHttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch reads the references of all its commands ahead, in two round trips; the diplomatic events
 * its statements are at are read and locked for share there, so a retraction of one waits for the
 * batch (the rule "no statement at a retracted event" holds under concurrency, as it does for one
 * command at a time).
 */
@RecorderHttpTest
class BatchReferencesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CommandBatch batch;
  @Autowired CommandMapper mapper;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(mvc, jdbc, json);
  }

  @Test
  void theEventOfAStatementInABatch_isLockedForShareUntilTheBatchCommits() throws Exception {
    String run = unique("share");
    api.registerActor(run + "-kallas", "PERSON", "Kallas");
    api.registerActor(run + "-usa", "STATE", "USA");
    api.registerSource(run + "-src");
    api.recordScheduledEvent(run + "-ev", run + "-kallas");
    CommandSpec spec = CommandCatalog.byName("RecordStatement").orElseThrow();
    Object statement =
        mapper.toCommand(
            spec,
            mapper.parse(
                Api.statementBody(run + "-st", run + "-kallas", run + "-usa", run + "-src")
                    .replaceFirst("\\{", "{\"eventId\":\"" + run + "-ev\",")),
            null,
            null);

    new TransactionTemplate(transactions)
        .executeWithoutResult(
            outer -> {
              List<BatchOutcome> outcomes =
                  batch.run(List.of(new BatchItem(spec, statement, new Caller("t", run), null)));
              assertThat(outcomes.get(0)).isInstanceOf(BatchOutcome.Done.class);
              // still in the batch's transaction: a retraction's update of the row must wait
              assertThatThrownBy(() -> lockForUpdateNowait(run + "-ev"))
                  .isInstanceOfSatisfying(
                      SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55P03"));
              outer.setRollbackOnly();
            });
    // once it ended, the row is free again
    lockForUpdateNowait(run + "-ev");
  }

  private void lockForUpdateNowait(String id) throws SQLException {
    try (Connection other = dataSource.getConnection();
        PreparedStatement lock =
            other.prepareStatement(
                "select 1 from aggregate_reference where aggregate_id = ? for update nowait")) {
      other.setAutoCommit(true);
      lock.setString(1, id);
      lock.executeQuery().close();
    }
  }
}
