package org.entente.recorder.batching;

import org.entente.recorder.idempotency.IdempotentOutcome;

/** What became of one command of a batch. */
public sealed interface BatchOutcome {

  /** Carried out (and committed with the batch) or replayed from its idempotency record. */
  record Done(IdempotentOutcome outcome) implements BatchOutcome {}

  /** Refused before it wrote anything: its answer is this exception's problem. */
  record Refused(RuntimeException reason) implements BatchOutcome {}

  /**
   * Not tried in this batch because it may depend on what the batch itself stores (the same
   * aggregate or key, or a reference that is not on record yet): hand it to the next batch.
   */
  record NotRun() implements BatchOutcome {}

  /** The batch could not commit as a whole: run this command on its own. */
  record RunAlone(RuntimeException cause) implements BatchOutcome {}
}
