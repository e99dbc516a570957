package org.entente.recorder.idempotency;

/** The key itself is malformed (HTTP 400). */
public class InvalidIdempotencyKeyException extends IdempotencyException {

  public InvalidIdempotencyKeyException(String field, String reason) {
    super(field, reason);
  }
}
