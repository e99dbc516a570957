package org.entente.recorder.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The request cannot be read as a command: malformed JSON, wrong types, bad headers (400), or a
 * body too large to read (413).
 */
public class InvalidRequestException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> problems;

  public InvalidRequestException(String detail, List<FieldProblem> problems) {
    this(HttpStatus.BAD_REQUEST, detail, problems);
  }

  public InvalidRequestException(HttpStatus status, String detail, List<FieldProblem> problems) {
    super(detail);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public static InvalidRequestException of(String field, String reason) {
    return new InvalidRequestException(
        field + ": " + reason, List.of(new FieldProblem(field, reason)));
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
