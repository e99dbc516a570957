package org.entente.audit.verify;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One run of {@link LogVerifier}: its progress while it runs, then its finding. */
public final class Verification {

  public enum State {
    RUNNING,
    PASSED,
    FAILED,
    ERROR
  }

  /** Where the stored events and the log first disagree. */
  public record Mismatch(Long position, Long leafIndex, String reason) {}

  private final String id;
  private final Instant startedAt = Instant.now();
  private final AtomicLong checked = new AtomicLong();
  private volatile long total;
  private volatile State state = State.RUNNING;
  private volatile Mismatch mismatch;
  private volatile String error;
  private volatile Instant finishedAt;

  Verification(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public long checked() {
    return checked.get();
  }

  public long total() {
    return total;
  }

  public State state() {
    return state;
  }

  public Mismatch mismatch() {
    return mismatch;
  }

  public String error() {
    return error;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  void total(long total) {
    this.total = total;
  }

  void checkedOne() {
    checked.incrementAndGet();
  }

  void passed() {
    finish(State.PASSED);
  }

  void failed(Mismatch mismatch) {
    this.mismatch = mismatch;
    finish(State.FAILED);
  }

  void error(String error) {
    this.error = error;
    finish(State.ERROR);
  }

  private void finish(State state) {
    this.finishedAt = Instant.now();
    this.state = state;
  }
}
