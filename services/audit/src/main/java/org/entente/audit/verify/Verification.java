package org.entente.audit.verify;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@link LogVerifier}: its progress while it runs, then its finding. Also what a stored
 * run reads back as ({@link VerificationStore}).
 */
public final class Verification {

  public enum State {
    /** Waiting for the run before it (one runs at a time). */
    QUEUED,
    RUNNING,
    PASSED,
    FAILED,
    ERROR,
    /** The process running it stopped before it finished; start another. */
    INTERRUPTED;

    public boolean finished() {
      return this != QUEUED && this != RUNNING;
    }
  }

  /** Where the stored events and the log first disagree. */
  public record Mismatch(Long position, Long leafIndex, String reason) {}

  private final String id;
  private final Instant startedAt;
  private final AtomicLong checked;
  private volatile long total;
  private volatile State state;
  private volatile Mismatch mismatch;
  private volatile String error;
  private volatile Instant finishedAt;

  Verification(String id) {
    this(id, Instant.now(), State.QUEUED, 0, 0, null, null, null);
  }

  Verification(
      String id,
      Instant startedAt,
      State state,
      long checked,
      long total,
      Instant finishedAt,
      Mismatch mismatch,
      String error) {
    this.id = id;
    this.startedAt = startedAt;
    this.state = state;
    this.checked = new AtomicLong(checked);
    this.total = total;
    this.finishedAt = finishedAt;
    this.mismatch = mismatch;
    this.error = error;
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

  void running(long total) {
    this.total = total;
    this.state = State.RUNNING;
  }

  long checkedOne() {
    return checked.incrementAndGet();
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
