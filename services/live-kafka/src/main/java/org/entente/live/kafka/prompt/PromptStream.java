package org.entente.live.kafka.prompt;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event store stream that tells its processor when events were committed ({@link
 * #setOnAvailableCallback}), so the processor sleeps until then instead of polling. The first look
 * after a wake-up waits up to the grace period for the store's reader to have fetched the events.
 */
final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

  private final BlockingStream<TrackedEventMessage<?>> delegate;
  private final int graceMillis;
  private final Consumer<PromptStream> onClose;
  private final AtomicBoolean woken = new AtomicBoolean();
  private volatile Runnable onAvailable;

  PromptStream(
      BlockingStream<TrackedEventMessage<?>> delegate,
      Duration grace,
      Consumer<PromptStream> onClose) {
    this.delegate = delegate;
    this.graceMillis = (int) grace.toMillis();
    this.onClose = onClose;
  }

  /** Events were committed: the next look waits for them a moment, the processor looks now. */
  void wake() {
    woken.set(true);
    poke();
  }

  /** The processor looks now. */
  void poke() {
    Runnable callback = onAvailable;
    if (callback != null) {
      callback.run();
    }
  }

  @Override
  public boolean setOnAvailableCallback(Runnable callback) {
    this.onAvailable = callback;
    return true;
  }

  @Override
  public boolean hasNextAvailable() {
    try {
      return woken.getAndSet(false)
          ? delegate.hasNextAvailable(graceMillis, TimeUnit.MILLISECONDS)
          : delegate.hasNextAvailable(0, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
    return delegate.hasNextAvailable(timeout, unit);
  }

  @Override
  public Optional<TrackedEventMessage<?>> peek() {
    return delegate.peek();
  }

  @Override
  public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
    return delegate.nextAvailable();
  }

  @Override
  public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
    delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
  }

  @Override
  public void close() {
    onAvailable = null;
    onClose.accept(this);
    delegate.close();
  }
}
