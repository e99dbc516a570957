package org.entente.recorder.idempotency;

/** The key was first used for a different request (HTTP 422); nothing was done. */
public class IdempotencyKeyReusedException extends IdempotencyException {

  public IdempotencyKeyReusedException(String field, String key) {
    super(
        field,
        "key '"
            + key
            + "' was already used for a different request; use a new key for a new request");
  }
}
