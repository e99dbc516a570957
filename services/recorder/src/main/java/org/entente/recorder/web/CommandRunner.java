package org.entente.recorder.web;

import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.modelling.command.ConcurrencyException;
import org.entente.recorder.idempotency.Idempotency;
import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.idempotency.IdempotentOutcome;
import org.springframework.stereotype.Component;

/**
 * Runs a mapped command for HTTP and the import alike: in one transaction with its idempotency
 * record, answered as {@link CommandAnswers} describes.
 *
 * <p>A follow-up command that lost a race for the next sequence number of its aggregate (another
 * command appended first) is retried against the new state, up to {@value #ATTEMPTS} times in all.
 * A command with an expected version (If-Match) is retried too: it is checked against that version
 * again, so what changed since is still a conflict (or, for a statement correction, merged where
 * the fields don't overlap). A retry is safe because the lost attempt rolled back everything it
 * wrote.
 */
@Component
public class CommandRunner {

  static final int ATTEMPTS = 8;

  private final Idempotency idempotency;
  private final CommandExecutor executor;
  private final CommandAnswers answers;

  CommandRunner(Idempotency idempotency, CommandExecutor executor, CommandAnswers answers) {
    this.idempotency = idempotency;
    this.executor = executor;
    this.answers = answers;
  }

  /**
   * Waits a random while, longer after each lost race: commands that lost to the same winner would
   * otherwise all try again at once, and all but one lose again.
   */
  private static void backOff(int attempt) {
    long ceiling = Math.min(64, 2L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code keyed} is null for a request without idempotency key. */
  public IdempotentOutcome run(
      CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {
    // With an expected version the retry is checked against that same version again.
    boolean retriable = !spec.creates();
    for (int attempt = 1; ; attempt++) {
      try {
        return idempotency.execute(
            keyed, () -> answers.of(executor.execute(spec, command, caller, keyed)));
      } catch (RejectedCommandException e) {
        if (!(retriable && attempt < ATTEMPTS && e.getCause() instanceof ConcurrencyException)) {
          throw e;
        }
        backOff(attempt);
      }
    }
  }
}
