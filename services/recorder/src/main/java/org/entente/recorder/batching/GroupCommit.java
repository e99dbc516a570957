package org.entente.recorder.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandRunner;
import org.entente.recorder.web.CommandSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit for commands sent concurrently (HTTP): a request queues its command and waits; a
 * worker takes whatever is queued (up to {@code entente.commands.group-commit.max-batch}) and
 * carries it out as one {@link CommandBatch}, one transaction and one commit for all, then answers
 * each request with its own outcome. There is no window to wait for: a worker that finds one
 * command runs it at once, and commands arriving meanwhile form the next batch, so a batch grows
 * only as fast as the database commits.
 *
 * <p>Each request keeps its own answer: a refused command is refused alone (409, 422, …) and the
 * others are stored; a command the batch could not commit with (a lost race, an SQL error, the
 * database down) is run again on the request's own thread exactly as without group commit, and is
 * answered from that. Every answer is given after the commit that stored it.
 *
 * <p>Four workers by default: a batch spends most of its time waiting for the database (its reads,
 * the append, the commit's fsync), and while one waits the others stage their commands, so the
 * database sees several commits in flight, as it does from as many clients.
 */
@Component
public class GroupCommit implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final CommandBatch batch;
  private final CommandRunner runner;
  private final boolean enabled;
  private final int workers;
  private final int maxBatch;

  /** One queue per worker; a command goes to its aggregate's queue (see {@link #queueOf}). */
  private final List<LinkedBlockingQueue<Queued>> queues = new ArrayList<>();

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  GroupCommit(
      CommandBatch batch,
      CommandRunner runner,
      @Value("${entente.commands.group-commit.enabled:true}") boolean enabled,
      @Value("${entente.commands.group-commit.workers:2}") int workers,
      @Value("${entente.commands.group-commit.max-batch:256}") int maxBatch) {
    if (workers < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "entente.commands.group-commit.workers and max-batch must be at least 1");
    }
    this.batch = batch;
    this.runner = runner;
    this.enabled = enabled;
    this.workers = workers;
    this.maxBatch = maxBatch;
    for (int i = 0; i < workers; i++) {
      queues.add(new LinkedBlockingQueue<>());
    }
  }

  private record Queued(BatchItem item, CompletableFuture<BatchOutcome> answer) {}

  /** Runs the command with others queued at the same time; answers as {@link CommandRunner#run}. */
  public IdempotentOutcome run(
      CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {
    if (!running) {
      return runner.run(spec, command, caller, keyed);
    }
    Queued queued =
        new Queued(new BatchItem(spec, command, caller, keyed), new CompletableFuture<>());
    LinkedBlockingQueue<Queued> queue = queueOf(spec.idOf(command));
    queue.add(queued);
    if (!running && queue.remove(queued)) {
      // stopping: no worker may take it any more
      return runner.run(spec, command, caller, keyed);
    }
    BatchOutcome outcome = await(queued.answer());
    if (outcome instanceof BatchOutcome.Done done) {
      return done.outcome();
    }
    if (outcome instanceof BatchOutcome.Refused refused) {
      throw refused.reason();
    }
    return runner.run(spec, command, caller, keyed);
  }

  /**
   * Commands for the same aggregate always go to the same worker: they are then carried out one
   * after the other (in one batch, each seeing the one before) instead of in two batches racing for
   * the aggregate's next sequence number, where the loser would be run again on its own.
   */
  private LinkedBlockingQueue<Queued> queueOf(String aggregateId) {
    return queues.get(Math.floorMod(Objects.hashCode(aggregateId), queues.size()));
  }

  private static BatchOutcome await(CompletableFuture<BatchOutcome> answer) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return answer.get();
        } catch (InterruptedException e) {
          // the command may be committing: its answer is what the client must get
          interrupted = true;
        } catch (ExecutionException e) {
          return new BatchOutcome.RunAlone(new IllegalStateException(e.getCause()));
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void work(LinkedBlockingQueue<Queued> queue) {
    List<Queued> taken = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, maxBatch - 1);
        carryOut(taken);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException | Error e) {
        log.error("group commit failed; its commands run one by one", e);
        RuntimeException cause = e instanceof RuntimeException r ? r : new IllegalStateException(e);
        taken.forEach(queued -> queued.answer().complete(new BatchOutcome.RunAlone(cause)));
      } finally {
        taken.clear();
      }
    }
  }

  /** Runs batch after batch until every taken command has its outcome. */
  private void carryOut(List<Queued> taken) {
    List<Queued> pending = taken;
    while (!pending.isEmpty()) {
      List<BatchOutcome> outcomes = batch.run(pending.stream().map(Queued::item).toList());
      List<Queued> next = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (outcomes.get(i) instanceof BatchOutcome.NotRun) {
          next.add(pending.get(i));
        } else {
          pending.get(i).answer().complete(outcomes.get(i));
        }
      }
      pending = next;
    }
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    running = true;
    for (int i = 0; i < workers; i++) {
      LinkedBlockingQueue<Queued> queue = queues.get(i);
      Thread thread = new Thread(() -> work(queue), "group-commit-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Finishes what is queued; requests arriving from now on run on their own threads. */
  @Override
  public void stop() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
    for (LinkedBlockingQueue<Queued> queue : queues) {
      Queued left;
      while ((left = queue.poll()) != null) {
        left.answer().complete(new BatchOutcome.RunAlone(new IllegalStateException("stopping")));
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops after the web server (its phases are above this one) takes no more requests. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
