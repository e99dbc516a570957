package org.entente.timeline.timeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.entente.timeline.facts.CohesionStore;
import org.entente.timeline.facts.FactBatchListener;
import org.entente.timeline.facts.FactReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does the work fact-store batches left for later ({@link FactBatchListener#refresh}: the groups
 * whose stored cohesion they marked dirty), on one background thread, every {@code
 * entente.cohesion.refresh-interval} (default 1 s; after a long round, twice its duration), for
 * each slot that is live or being rebuilt, each group in a transaction of its own. A group marked
 * by many batches meanwhile is recomputed once. A slot being rebuilt is left alone until it has
 * caught up with the live one.
 */
@Component
public class CohesionRefresher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CohesionRefresher.class);

  /**
   * The pause after a round, as a multiple of the round's own duration (when above the interval).
   */
  private static final long PAUSE_PER_WORK = 2;

  private final JdbcTemplate jdbc;
  private final FactReader reader;
  private final TimelineSlots slots;
  private final ObjectProvider<FactBatchListener> listeners;
  private final TransactionTemplate transaction;
  private final ProcessorPositions positions;
  private final Duration interval;
  private volatile ScheduledExecutorService executor;

  /** The next round, while it waits for its time (cancelled and run at once by {@link #soon}). */
  private ScheduledFuture<?> next;

  private final Object scheduling = new Object();

  public CohesionRefresher(
      JdbcTemplate jdbc,
      TimelineDocuments documents,
      TimelineSlots slots,
      ProcessorPositions positions,
      ObjectProvider<FactBatchListener> listeners,
      PlatformTransactionManager transactions,
      @Value("${entente.cohesion.refresh-interval:1s}") Duration interval) {
    this.jdbc = jdbc;
    this.reader = new FactReader(new NamedParameterJdbcTemplate(jdbc), documents.mapper());
    this.slots = slots;
    this.listeners = listeners;
    this.positions = positions;
    this.transaction = new TransactionTemplate(transactions);
    this.interval = interval;
  }

  /**
   * Refreshes every group waiting in {@code slot}'s queue now (one pass: a group marked again
   * meanwhile waits for the next); returns how many it refreshed.
   */
  public int refresh(Slot slot) {
    CohesionStore store = new CohesionStore(jdbc, slot.code());
    int refreshed = 0;
    for (CohesionStore.Dirty dirty : store.dirty(Integer.MAX_VALUE)) {
      if (Thread.currentThread().isInterrupted()) {
        break; // stopping
      }
      if (refreshGroup(slot, store, dirty.groupId())) {
        refreshed++;
      }
    }
    return refreshed;
  }

  /** Recomputes one group if it is marked, from the mark as it is now. */
  private synchronized boolean refreshGroup(Slot slot, CohesionStore store, String groupId) {
    Optional<CohesionStore.Dirty> dirty = store.dirty(groupId);
    if (dirty.isEmpty()) {
      return false; // refreshed meanwhile
    }
    List<FactBatchListener> all = listeners.orderedStream().toList();
    // read before the facts: every event up to it is in them (maybe more)
    long covered = positions.safePosition(slot.processorName());
    transaction.executeWithoutResult(
        status -> {
          all.forEach(
              l ->
                  l.refresh(
                      reader.at(slot, new Snapshot(Long.MAX_VALUE, null)), store, dirty.get()));
          store.covered(groupId, covered);
        });
    return true;
  }

  private void round() {
    for (Slot slot : Slot.values()) {
      try {
        if (slots.isActive(slot) && !farBehind(slot)) {
          refresh(slot);
        }
      } catch (RuntimeException e) {
        // the marks stay; the next round tries again (a series is exact meanwhile, from facts)
        log.warn("Refreshing the stored cohesion of slot {} failed: {}", slot.code(), e.toString());
      }
    }
  }

  /**
   * Whether {@code slot} is being rebuilt and its replay has not yet reached the live slot: its
   * groups would be recomputed again and again while the replay marks them (competing with the
   * replay for the CPU); they are recomputed once it has caught up, before it can go live. From
   * then on it is refreshed like the live slot, even when a batch of new events puts it a moment
   * behind (under steady ingest it always is at some instant: the rebuild would never switch).
   */
  private boolean farBehind(Slot slot) {
    TimelineSlots.State state = slots.state();
    if (slot != state.building() || state.buildingMarksCohesion()) {
      return false;
    }
    return positions.safePosition(slot.processorName())
        < positions.safePosition(state.live().processorName());
  }

  @Override
  public void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "cohesion-refresh");
              thread.setDaemon(true);
              return thread;
            });
    executor = started;
    synchronized (scheduling) {
      next = started.schedule(this::roundThenNext, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Runs the next round now instead of after its pause (if it is waiting, not running): a rebuild
   * that has caught up waits for this refresh before it goes live, and the pause after a long round
   * of the live slot's groups (twice its length) is for the requests' sake, not the rebuild's.
   */
  public void soon() {
    synchronized (scheduling) {
      ScheduledExecutorService running = executor;
      if (running != null && next != null && next.cancel(false)) {
        try {
          next = running.schedule(this::roundThenNext, 0, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // stopping
        }
      }
    }
  }

  /**
   * One round, then the next after the interval or, when the round took long (large groups
   * recomputed from their whole history), after {@value #PAUSE_PER_WORK} times its duration: the
   * refresh then takes at most a third of a core and leaves the rest to the requests and the
   * projections; a series stays exact meanwhile (computed from facts where the stored rows lag).
   */
  private void roundThenNext() {
    long started = System.nanoTime();
    try {
      round();
    } finally {
      scheduleNext(System.nanoTime() - started);
    }
  }

  private void scheduleNext(long took) {
    long delay = Math.max(interval.toNanos(), PAUSE_PER_WORK * took);
    ScheduledExecutorService running = executor;
    if (running != null && !running.isShutdown()) {
      try {
        synchronized (scheduling) {
          next = running.schedule(this::roundThenNext, delay, TimeUnit.NANOSECONDS);
        }
      } catch (RejectedExecutionException e) {
        // stopping
      }
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = executor;
    executor = null;
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
