package org.entente.timeline.live;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected client: its bounded buffer, filled by the tailer without ever blocking, and drained
 * by the client's own writer thread. A full buffer marks the client as overflowed: it gets what is
 * buffered, then a {@code resume} event with its last id, and is closed.
 */
final class LiveClient {

  /** Wakes the writer to end the stream. */
  static final LiveMessage CLOSE = new LiveMessage(LiveKey.START, -1, "", Instant.EPOCH);

  final LiveSubscription subscription;
  final SseEmitter emitter;
  final BlockingQueue<LiveMessage> queue;

  /** The last key delivered (or the key the client resumes from); the writer thread's. */
  LiveKey last;

  /** Replay from the database up to this key before the buffered live messages; null: none. */
  LiveKey replayUpTo;

  private volatile boolean overflowed;
  private volatile boolean closing;
  private final java.util.concurrent.atomic.AtomicBoolean dropCounted =
      new java.util.concurrent.atomic.AtomicBoolean();

  LiveClient(LiveSubscription subscription, SseEmitter emitter, int bufferSize) {
    this.subscription = subscription;
    this.emitter = emitter;
    this.queue = new ArrayBlockingQueue<>(bufferSize);
  }

  /** Buffers a live message; false when the buffer is full (the client is then overflowed). */
  boolean offer(LiveMessage message) {
    if (overflowed || closing) {
      return false;
    }
    if (!queue.offer(message)) {
      overflowed = true;
      return false;
    }
    return true;
  }

  boolean overflowed() {
    return overflowed;
  }

  /** True once, for the first failed offer that overflowed the buffer (to count the drop). */
  boolean firstDrop() {
    return overflowed && dropCounted.compareAndSet(false, true);
  }

  boolean closing() {
    return closing;
  }

  /** Ends the stream (the client went away, or the node stops). */
  void close() {
    closing = true;
    queue.offer(CLOSE);
  }
}
