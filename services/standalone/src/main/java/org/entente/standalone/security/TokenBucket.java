package org.entente.standalone.security;

/**
 * {@code capacity} tokens, refilled continuously at {@code perSecond}; a request takes one. Thread
 * safe; time comes from the caller (nanoseconds) so the arithmetic is testable.
 */
final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last;

  TokenBucket(int capacity, double perSecond, long nowNanos) {
    if (capacity < 1 || !(perSecond > 0)) {
      throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive rate");
    }
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes a token: 0 when there was one, else the nanoseconds until there will be. */
  synchronized long take(long nowNanos) {
    tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - last) * perNano);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano);
  }
}
