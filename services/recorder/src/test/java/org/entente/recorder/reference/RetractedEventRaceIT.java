package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.Stance;
import org.entente.recorder.rules.WrongStateException;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "No statement at a retracted diplomatic event" across two aggregates, under concurrency: a
 * statement and the retraction of its event are held open in turn (a command run inside an outer
 * transaction keeps its locks until that commits), and the other one must wait for it instead of
 * deciding on the state before it. Without the share lock on the event's reference row, both
 * commit.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class RetractedEventRaceIT {

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  ExecutorService threads;
  TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    threads = Executors.newFixedThreadPool(2);
    transaction = new TransactionTemplate(transactions);
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  @Test
  void aStatementAtAnEventWhoseRetractionIsInFlight_waitsAndIsRefused() throws Exception {
    String run = run();
    setUpSpeakerAndEvent(run);
    CountDownLatch retracted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> retraction =
        threads.submit(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      commands.sendAndWait(new RetractDiplomaticEvent(run + "-event", "wrong"));
                      retracted.countDown();
                      await(release);
                    }));
    assertThat(retracted.await(20, TimeUnit.SECONDS)).isTrue();

    Future<Object> statement =
        threads.submit(() -> commands.sendAndWait(statementAt(run, run + "-statement")));
    waitUntilDoneOrBlocked(statement);
    release.countDown();
    retraction.get(20, TimeUnit.SECONDS);

    assertThatThrownBy(() -> statement.get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WrongStateException.class);
    assertThat(eventsOf(run + "-statement")).isZero();
  }

  @Test
  void theRetractionOfAnEventWhileAStatementAtItIsInFlight_waitsForTheStatement() throws Exception {
    String run = run();
    setUpSpeakerAndEvent(run);
    CountDownLatch made = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> statement =
        threads.submit(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      commands.sendAndWait(statementAt(run, run + "-statement"));
                      made.countDown();
                      await(release);
                    }));
    assertThat(made.await(20, TimeUnit.SECONDS)).isTrue();

    Future<Object> retraction =
        threads.submit(
            () -> commands.sendAndWait(new RetractDiplomaticEvent(run + "-event", "wrong")));
    waitUntilDoneOrBlocked(retraction);
    boolean retractedWhileStatementOpen = retraction.isDone();
    release.countDown();
    statement.get(20, TimeUnit.SECONDS);
    retraction.get(20, TimeUnit.SECONDS);

    assertThat(retractedWhileStatementOpen).isFalse();
    assertThat(eventsOf(run + "-statement")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select retracted from aggregate_reference where aggregate_id = ?",
                Boolean.class,
                run + "-event"))
        .isTrue();
  }

  private void setUpSpeakerAndEvent(String run) {
    commands.sendAndWait(new RegisterActor(run + "-speaker", ActorKind.PERSON, "Sp", null, null));
    commands.sendAndWait(
        new RecordDiplomaticEvent(
            run + "-event",
            EventKind.SPEECH,
            "A speech",
            EventTime.instant(Instant.parse("2025-02-12T10:00:00Z")),
            "Brussels",
            List.of(),
            EventStatus.TOOK_PLACE,
            null));
  }

  private static RecordStatement statementAt(String run, String statementId) {
    return new RecordStatement(
        statementId,
        run + "-speaker",
        run + "-event",
        List.of(),
        EventTime.instant(Instant.parse("2025-02-12T10:05:00Z")),
        Stance.NEUTRAL,
        "010",
        Weight.goldstein(0),
        null,
        List.of(),
        new LocalizedText("en", "We will see."),
        List.of(),
        List.of());
  }

  /** Until the other command finished, or its database session waits for a row lock. */
  private void waitUntilDoneOrBlocked(Future<?> command) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!command.isDone() && System.nanoTime() < deadline) {
      Integer waiting =
          jdbc.queryForObject(
              "select count(*) from pg_stat_activity"
                  + " where datname = current_database() and wait_event_type = 'Lock'",
              Integer.class);
      if (waiting != null && waiting > 0) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private int eventsOf(String aggregateId) {
    return jdbc.queryForObject(
        "select count(*) from domain_event_entry where aggregate_identifier = ?",
        Integer.class,
        aggregateId);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String run() {
    return "race-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
