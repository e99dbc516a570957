package org.entente.timeline.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected client: its bounded buffer, filled by the tailer without ever blocking, and drained
 * by the client's own writer thread. The tailer adds everything one poll has for the client at
 * once, so the writer wakes once per poll, not once per message (with hundreds of clients, wake-ups
 * and writes, not messages, are what costs). A full buffer marks the client as overflowed: it gets
 * what is buffered, then a {@code resume} event with its last id, and is closed.
 */
final class LiveClient {

  /** Wakes the writer to end the stream. */
  static final LiveMessage CLOSE = new LiveMessage(LiveKey.START, -1, "", Instant.EPOCH);

  final LiveSubscription subscription;
  final SseEmitter emitter;

  /** The last key delivered (or the key the client resumes from); the writer thread's. */
  LiveKey last;

  /** Replay from the database up to this key before the buffered live messages; null: none. */
  LiveKey replayUpTo;

  private final int capacity;
  private final ArrayDeque<LiveMessage> buffer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition filled = lock.newCondition();
  private volatile boolean overflowed;
  private volatile boolean closing;
  private final AtomicBoolean dropCounted = new AtomicBoolean();

  LiveClient(LiveSubscription subscription, SseEmitter emitter, int bufferSize) {
    this.subscription = subscription;
    this.emitter = emitter;
    this.capacity = bufferSize;
    this.buffer = new ArrayDeque<>(Math.min(bufferSize, 64));
  }

  /** Buffers a live message; false when the buffer is full (the client is then overflowed). */
  boolean offer(LiveMessage message) {
    return offer(List.of(message));
  }

  /**
   * Buffers the messages of one poll together (one wake-up); false when they do not all fit (the
   * client is then overflowed, and none is buffered).
   */
  boolean offer(List<LiveMessage> messages) {
    if (overflowed || closing) {
      return false;
    }
    lock.lock();
    try {
      if (buffer.size() + messages.size() > capacity) {
        overflowed = true;
        filled.signal();
        return false;
      }
      buffer.addAll(messages);
      filled.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code timeoutMillis} for messages, then moves up to {@code max} of them into
   * {@code into}; returns how many (0: none came, or the buffer overflowed with nothing left).
   */
  int take(List<LiveMessage> into, int max, long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (buffer.isEmpty() && !overflowed && nanos > 0) {
        nanos = filled.awaitNanos(nanos);
      }
      int n = 0;
      while (n < max && !buffer.isEmpty()) {
        into.add(buffer.poll());
        n++;
      }
      return n;
    } finally {
      lock.unlock();
    }
  }

  boolean isEmpty() {
    lock.lock();
    try {
      return buffer.isEmpty();
    } finally {
      lock.unlock();
    }
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
    lock.lock();
    try {
      buffer.add(CLOSE); // past the capacity if need be: the writer must see it
      filled.signal();
    } finally {
      lock.unlock();
    }
  }
}
