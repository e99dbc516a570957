package org.entente.recorder.idempotency;

/**
 * A request wrote its events, then a later step of it failed (remembering its answer): the
 * transaction holding both must roll back as a whole, it cannot go on without this request.
 */
public class PartiallyAppliedException extends RuntimeException {

  public PartiallyAppliedException(RuntimeException cause) {
    super(cause.getMessage(), cause);
  }
}
