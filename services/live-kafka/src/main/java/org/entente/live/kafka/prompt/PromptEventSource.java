package org.entente.live.kafka.prompt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a processor's message source that hands new events over as soon as they are
 * committed, instead of on the next poll.
 *
 * <p>Without it a caught-up pooled processor waits twice: Axon's {@code EmbeddedEventStore} streams
 * cannot report new events, so the processor's coordinator looks again only every 500 ms; and the
 * store's single reader thread is woken by a local append when the append's unit of work commits,
 * which for the recorder's group commit is before the database transaction commits (the reader then
 * finds nothing and sleeps its fetch delay, 1 s). Here {@link #committed()}, called once a
 * transaction that stored events has committed (see {@link EventAppendListener}), wakes the store's
 * reader and every open stream's processor.
 */
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

  private final Duration grace;
  private final Set<PromptStream> streams = ConcurrentHashMap.newKeySet();
  private volatile EventStore store;

  /**
   * @param grace how long a woken processor waits for the store's reader to fetch what was
   *     committed (it goes on as soon as the events are there)
   */
  public PromptEventSource(Duration grace) {
    this.grace = grace;
  }

  /**
   * The event store, given when Axon builds the processors (the store is built after this bean).
   */
  public PromptEventSource over(EventStore store) {
    this.store = store;
    return this;
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
    PromptStream stream = new PromptStream(store.openStream(trackingToken), grace, streams::remove);
    streams.add(stream);
    return stream;
  }

  /** Events were committed: the store's reader fetches them, the processors take them. */
  public void committed() {
    // publishing nothing runs only the store's after-commit step, which wakes its reader thread
    // (no append, no handler: no subscribing processor is registered on the store)
    EventStore events = store;
    if (events == null) {
      return;
    }
    events.publish(List.of());
    streams.forEach(PromptStream::wake);
  }

  /**
   * Nothing heard for a while (no notification, or the listener is reconnecting): the processors
   * look at the stream anyway, as often as Axon's own poll would have them.
   */
  public void idle() {
    streams.forEach(PromptStream::poke);
  }

  @Override
  public TrackingToken createTailToken() {
    return store.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return store.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return store.createTokenAt(dateTime);
  }

  @Override
  public TrackingToken createTokenSince(Duration duration) {
    return store.createTokenSince(duration);
  }
}
