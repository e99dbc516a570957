package org.entente.recorder.idempotency;

/** A request whose idempotency key cannot be honoured; names the key's field and the reason. */
public abstract class IdempotencyException extends RuntimeException {

  private final String field;
  private final String reason;

  protected IdempotencyException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
