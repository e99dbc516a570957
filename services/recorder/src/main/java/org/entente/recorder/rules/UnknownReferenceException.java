package org.entente.recorder.rules;

/** A command names an actor, source or event that is not on record (HTTP 404). */
public class UnknownReferenceException extends RuleException {

  public UnknownReferenceException(String field, String id, String kind) {
    super(field, "no " + kind + " with id '" + id + "' is on record");
  }
}
