package org.entente.timeline.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A path names an actor (or group) the read side does not know; answered as a 404 problem. */
public class UnknownResourceException extends ErrorResponseException {

  public UnknownResourceException(String parameter, String id, String kind) {
    super(HttpStatus.NOT_FOUND, problem(parameter, id, kind), null);
  }

  private static ProblemDetail problem(String parameter, String id, String kind) {
    String reason = "no " + kind + " with id '" + id + "' is on record";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, reason);
    problem.setTitle("Unknown " + kind);
    problem.setType(URI.create("urn:entente:problem:unknown-reference"));
    problem.setProperty("errors", List.of(Map.of("field", parameter, "reason", reason)));
    return problem;
  }
}
