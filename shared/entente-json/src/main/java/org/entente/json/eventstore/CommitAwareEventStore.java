package org.entente.json.eventstore;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, told when events are committed rather than finding them by polling.
 * Two delays of Axon's own sat between a commit and every event processor (the Kafka publishers,
 * the projections behind the live timelines):
 *
 * <ul>
 *   <li>The store's reader is woken when the unit of work that appended events commits. Inside a
 *       longer Spring transaction (the recorder's group commit and import batches) the events are
 *       not visible yet then: the reader found nothing and slept its fetch delay (1 s). Here the
 *       wake-up waits for the transaction's end. Commits of other nodes arrive as the database's
 *       NOTIFY ({@link CommittedEventsListener}), which also covers a wake-up lost any other way.
 *   <li>A pooled processor whose stream cannot call back when events arrive looks again only every
 *       500 ms. These streams call back: one watcher thread tails the store and runs the callbacks
 *       of the open streams whenever new events reach it.
 * </ul>
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

  private static final Logger log = LoggerFactory.getLogger(CommitAwareEventStore.class);

  private final Set<CallingBackStream> streams = ConcurrentHashMap.newKeySet();
  private final Object watcherLock = new Object();
  private Thread watcher;
  private volatile boolean shutDown;

  public CommitAwareEventStore(Builder builder) {
    super(builder);
  }

  /** Wakes the reader once the transaction that appended the events has ended. */
  @Override
  protected void afterCommit(List<? extends EventMessage<?>> events) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              eventsCommitted();
            }
          });
    } else {
      eventsCommitted();
    }
  }

  /** Events were committed (here or on another node): the reader looks for them now. */
  public void eventsCommitted() {
    super.afterCommit(List.of());
  }

  @Override
  public TrackingEventStream openStream(TrackingToken trackingToken) {
    startWatcher();
    return new CallingBackStream(super.openStream(trackingToken));
  }

  @Override
  public void shutDown() {
    shutDown = true;
    synchronized (watcherLock) {
      if (watcher != null) {
        watcher.interrupt();
      }
    }
    super.shutDown();
  }

  private void startWatcher() {
    synchronized (watcherLock) {
      if (watcher == null && !shutDown) {
        watcher = new Thread(this::watch, "entente-event-store-watcher");
        watcher.setDaemon(true);
        watcher.start();
      }
    }
  }

  /**
   * Tails the store from its head (a consumer of the reader's cache, like the processors near the
   * head) and, whenever events reach it, runs the open streams' callbacks.
   */
  private void watch() {
    TrackingEventStream tail = null;
    while (!shutDown) {
      try {
        if (tail == null) {
          tail = super.openStream(createHeadToken());
        }
        if (tail.hasNextAvailable(1, TimeUnit.SECONDS)) {
          while (tail.hasNextAvailable()) {
            tail.nextAvailable();
          }
          for (CallingBackStream stream : streams) {
            stream.eventsAvailable();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        if (shutDown) {
          break;
        }
        log.warn("event store watcher: {}; retrying", e.toString());
        tail = closed(tail);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    closed(tail);
  }

  private static TrackingEventStream closed(TrackingEventStream stream) {
    if (stream != null) {
      try {
        stream.close();
      } catch (RuntimeException e) {
        log.debug("closing the watcher's stream: {}", e.toString());
      }
    }
    return null;
  }

  /** A stream of Axon's store that can call back when events arrive. */
  private final class CallingBackStream implements TrackingEventStream {

    private final TrackingEventStream stream;
    private volatile Runnable callback;

    CallingBackStream(TrackingEventStream stream) {
      this.stream = stream;
    }

    void eventsAvailable() {
      Runnable call = callback;
      if (call != null) {
        call.run();
      }
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      this.callback = callback;
      streams.add(this);
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return stream.peek();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      return stream.hasNextAvailable(timeout, unit);
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return stream.nextAvailable();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public void close() {
      streams.remove(this);
      stream.close();
    }
  }
}
