package org.entente.recorder.rules;

/** A command is well-formed but breaks a domain rule (HTTP 422). */
public class RuleViolationException extends RuleException {

  public RuleViolationException(String field, String reason) {
    super(field, reason);
  }
}
