package org.entente.recorder.idempotency;

/** A request with the same key is being processed right now (HTTP 409); retry later. */
public class IdempotentRequestInFlightException extends IdempotencyException {

  public IdempotentRequestInFlightException(String field, String key) {
    super(
        field,
        "a request with key '" + key + "' is still being processed; retry when it has finished");
  }
}
