package org.entente.recorder.rules;

/** A rejected command, naming the field at fault and why; nothing was stored. */
public abstract class RuleException extends RuntimeException {

  private final String field;
  private final String reason;

  protected RuleException(String field, String reason) {
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
