package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.source.RegisterSource;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of commands asks for the same source many times in one transaction: its stream is read
 * once per transaction, and what was read is forgotten when the transaction ends (committed answers
 * are cached apart, see {@link TableReferences}).
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class TransactionMemoIT {

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired TableReferences references;

  private void register(String sourceId) {
    commands.sendAndWait(
        new RegisterSource(
            sourceId,
            "Reuters",
            null,
            "Communiqué",
            Instant.parse("2025-02-12T10:00:00Z"),
            "en",
            "Allies agreed to raise spending."));
  }

  /**
   * Takes the source off record for the rest of the transaction (the event table is append-only).
   */
  private void forget(String sourceId) {
    jdbc.update("delete from aggregate_reference where aggregate_id = ?", sourceId);
  }

  @Test
  void aSourceIsReadOncePerTransaction_andForgottenWhenItEnds() {
    register("memo-source");
    TransactionTemplate transaction = new TransactionTemplate(transactions);

    transaction.executeWithoutResult(
        status -> {
          assertThat(references.source("memo-source")).isPresent();
          // off record now, the second question is still answered: nothing was read again
          forget("memo-source");
          assertThat(references.source("memo-source"))
              .get()
              .extracting(References.SourceSnapshot::text)
              .isEqualTo("Allies agreed to raise spending.");
          status.setRollbackOnly();
        });

    // a new transaction asks the store again (the rolled-back read was neither kept nor cached)
    transaction.executeWithoutResult(
        status -> {
          forget("memo-source");
          assertThat(references.source("memo-source")).isEmpty();
          status.setRollbackOnly();
        });
  }

  @Test
  void aMemoAnswersOnlyInTheTransactionThatFilledIt() {
    TransactionMemo<String> memo = new TransactionMemo<>();
    memo.put("a", "without a transaction");
    assertThat(memo.get("a")).isNull();

    TransactionTemplate transaction = new TransactionTemplate(transactions);
    TransactionTemplate separate = new TransactionTemplate(transactions);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    transaction.executeWithoutResult(
        status -> {
          assertThat(memo.get("a")).isNull();
          memo.put("a", "first");
          assertThat(memo.get("a")).isEqualTo("first");
          separate.executeWithoutResult(inner -> assertThat(memo.get("a")).isNull());
          assertThat(memo.get("a")).isEqualTo("first");
        });
    transaction.executeWithoutResult(status -> assertThat(memo.get("a")).isNull());
  }
}
