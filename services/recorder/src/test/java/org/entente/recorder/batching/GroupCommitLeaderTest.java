package org.entente.recorder.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.entente.recorder.idempotency.StoredAnswer;
import org.entente.recorder.web.CommandCatalog;
import org.entente.recorder.web.CommandSpec;
import org.junit.jupiter.api.Test;

/**
 * The hand-off protocol of {@link GroupCommit} alone, over a batch that only records what it was
 * given (GroupCommitIT covers the real batches on PostgreSQL).
 */
class GroupCommitLeaderTest {

  private static final CommandSpec REGISTER = CommandCatalog.of(RegisterActor.class);

  /** Answers every command with 201 and its id; notes threads, batch sizes and overlaps. */
  private static final class RecordingBatch extends CommandBatch {
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    final long millis;

    RecordingBatch(long millis) {
      super(null, null, null, null, null, null);
      this.millis = millis;
    }

    @Override
    public List<BatchOutcome> run(List<BatchItem> items) {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        threads.add(Thread.currentThread());
        sizes.add(items.size());
        Thread.sleep(millis);
        List<BatchOutcome> outcomes = new ArrayList<>();
        for (BatchItem item : items) {
          String id = item.spec().idOf(item.command());
          runs.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
          outcomes.add(
              new BatchOutcome.Done(
                  new IdempotentOutcome(new StoredAnswer(201, id, Map.of()), false)));
        }
        return outcomes;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private static RegisterActor actor(String id) {
    return new RegisterActor(id, ActorKind.STATE, "S", null, null);
  }

  @Test
  void aLoneCommand_runsOnTheRequestsOwnThread() {
    RecordingBatch batch = new RecordingBatch(0);
    GroupCommit commits = new GroupCommit(batch, null, true, 2, 256);
    commits.start();
    IdempotentOutcome outcome = commits.run(REGISTER, actor("lone"), null, null);
    assertThat(outcome.answer().body()).isEqualTo("lone");
    assertThat(batch.threads).containsExactly(Thread.currentThread());
  }

  @Test
  void concurrentCommands_areEachCarriedOutOnce_inFewerBatches_oneAtATimePerLane()
      throws Exception {
    RecordingBatch batch = new RecordingBatch(20);
    GroupCommit commits = new GroupCommit(batch, null, true, 1, 256);
    commits.start();
    int clients = 32;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<IdempotentOutcome>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        String id = "actor-" + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return commits.run(REGISTER, actor(id), null, null);
                }));
      }
      start.countDown();
      for (int i = 0; i < clients; i++) {
        assertThat(answers.get(i).get(30, TimeUnit.SECONDS).answer().body())
            .isEqualTo("actor-" + i);
      }
      assertThat(batch.runs).hasSize(clients);
      assertThat(batch.runs.values()).allMatch(count -> count.get() == 1);
      assertThat(batch.sizes.size()).isLessThan(clients);
      assertThat(batch.mostInFlight).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
