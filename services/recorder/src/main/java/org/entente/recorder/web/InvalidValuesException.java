package org.entente.recorder.web;

import java.util.List;

/**
 * The command holds values beyond what every view can store (see {@link CommandLimits}); answered
 * 400 {@code invalid-command} with one error per field, like a bean-validation failure.
 */
public class InvalidValuesException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidValuesException(List<FieldProblem> problems) {
    super(String.join("; ", problems.stream().map(p -> p.field() + ": " + p.reason()).toList()));
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
