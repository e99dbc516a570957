package org.entente.recorder.rules;

/**
 * A command does not fit the current state of its aggregate, e.g. correcting a retraction (409).
 */
public class WrongStateException extends RuleException {

  public WrongStateException(String field, String reason) {
    super(field, reason);
  }
}
