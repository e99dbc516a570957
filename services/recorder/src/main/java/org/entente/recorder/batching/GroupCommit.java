package org.entente.recorder.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
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
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Group commit for commands sent concurrently (HTTP): a request queues its command; one waiting
 * request at a time (the leader) takes whatever is queued (up to {@code
 * entente.commands.group-commit.max-batch}) and carries it out as one {@link CommandBatch}, one
 * transaction and one commit for all, then answers each request with its own outcome. There is no
 * window to wait for: a lone request finds no leader and runs its command at once on its own
 * thread, and commands arriving meanwhile form the next batch, led by one of their requests, so a
 * batch grows only as fast as the database commits.
 *
 * <p>No thread of its own: a request never hands its command to a worker and waits to be woken
 * twice (once for the worker, once for the answer); under load on two cores each such wake-up waits
 * for a core. A leader wakes only the requests it answered, and the next leader.
 *
 * <p>Each request keeps its own answer: a refused command is refused alone (409, 422, …) and the
 * others are stored; a command the batch could not commit with (a lost race, an SQL error, the
 * database down) is run again on the request's own thread exactly as without group commit, and is
 * answered from that. Every answer is given after the commit that stored it.
 *
 * <p>{@code entente.commands.group-commit.workers} lanes (2 by default), each with its queue and at
 * most one batch at a time: while one batch waits for the database (its reads, the append, the
 * commit's fsync) the other stages its commands.
 */
@Component
public class GroupCommit implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  private final CommandBatch batch;
  private final CommandRunner runner;
  private final boolean enabled;
  private final int maxBatch;

  /** One lane per worker; a command goes to its aggregate's lane (see {@link #laneOf}). */
  private final List<Lane> lanes = new ArrayList<>();

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
    this.maxBatch = maxBatch;
    for (int i = 0; i < workers; i++) {
      lanes.add(new Lane());
    }
  }

  /** Queued commands and the lock its leader holds while it carries a batch out. */
  private static final class Lane {
    final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    final ReentrantLock leader = new ReentrantLock();
  }

  /** A queued command, its outcome once known, and the request thread waiting for it. */
  private static final class Queued {
    final BatchItem item;
    final Thread waiter = Thread.currentThread();
    volatile BatchOutcome outcome;

    Queued(BatchItem item) {
      this.item = item;
    }

    void answer(BatchOutcome answer) {
      outcome = answer;
      wake();
    }

    /** Not the leader's own thread: a permit left over would cut its next park short. */
    void wake() {
      if (waiter != Thread.currentThread()) {
        LockSupport.unpark(waiter);
      }
    }
  }

  /** Runs the command with others queued at the same time; answers as {@link CommandRunner#run}. */
  public IdempotentOutcome run(
      CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {
    // a caller in a transaction of its own would lend it to the batch it leads: run alone
    if (!running || TransactionSynchronizationManager.isSynchronizationActive()) {
      return runner.run(spec, command, caller, keyed);
    }
    Queued queued = new Queued(new BatchItem(spec, command, caller, keyed));
    Lane lane = laneOf(spec.idOf(command));
    lane.queue.add(queued);
    BatchOutcome outcome = await(lane, queued);
    if (outcome instanceof BatchOutcome.Done done) {
      return done.outcome();
    }
    if (outcome instanceof BatchOutcome.Refused refused) {
      throw refused.reason();
    }
    return runner.run(spec, command, caller, keyed);
  }

  /**
   * Commands for the same aggregate always go to the same lane: they are then carried out one after
   * the other (in one batch, each seeing the one before) instead of in two batches racing for the
   * aggregate's next sequence number, where the loser would be run again on its own.
   */
  private Lane laneOf(String aggregateId) {
    return lanes.get(Math.floorMod(Objects.hashCode(aggregateId), lanes.size()));
  }

  /**
   * Leads a batch whenever the lane has no leader, else sleeps until its command is answered or the
   * leader that finished hands the lane on. The queue is read after the lock is released and the
   * lock tried after the command is queued, so a queued command always has a leader coming: the
   * request itself, or the one woken after the batch that missed it.
   */
  private BatchOutcome await(Lane lane, Queued queued) {
    boolean interrupted = false;
    try {
      while (queued.outcome == null) {
        if (lane.leader.tryLock()) {
          try {
            if (queued.outcome == null) {
              lead(lane);
            }
          } finally {
            lane.leader.unlock();
          }
          Queued next = lane.queue.peek();
          if (next != null) {
            next.wake();
          }
        } else {
          // the command may be committing: its answer is what the client must get, so an
          // interrupt is kept for later, not obeyed
          LockSupport.park(this);
          interrupted |= Thread.interrupted();
        }
      }
      return queued.outcome;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes what is queued and carries it out; a batch that failed as a whole runs one by one. */
  private void lead(Lane lane) {
    List<Queued> taken = new ArrayList<>();
    Queued next;
    while (taken.size() < maxBatch && (next = lane.queue.poll()) != null) {
      taken.add(next);
    }
    try {
      carryOut(taken);
    } catch (RuntimeException | Error e) {
      log.error("group commit failed; its commands run one by one", e);
      RuntimeException cause = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      taken.stream()
          .filter(queued -> queued.outcome == null)
          .forEach(queued -> queued.answer(new BatchOutcome.RunAlone(cause)));
    }
  }

  /** Runs batch after batch until every taken command has its outcome. */
  private void carryOut(List<Queued> taken) {
    List<Queued> pending = taken;
    while (!pending.isEmpty()) {
      List<BatchOutcome> outcomes = batch.run(pending.stream().map(queued -> queued.item).toList());
      List<Queued> next = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (outcomes.get(i) instanceof BatchOutcome.NotRun) {
          next.add(pending.get(i));
        } else {
          pending.get(i).answer(outcomes.get(i));
        }
      }
      pending = next;
    }
  }

  @Override
  public void start() {
    running = enabled;
  }

  /**
   * Requests arriving from now on run on their own threads; queued ones are carried out by their
   * own requests, as leaders.
   */
  @Override
  public void stop() {
    running = false;
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
