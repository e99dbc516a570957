package org.entente.timeline.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A query parameter that cannot be used as given; answered as an RFC 9457 problem (400). */
public class BadQueryParameterException extends ErrorResponseException {

  public BadQueryParameterException(String parameter, String reason) {
    super(HttpStatus.BAD_REQUEST, problem(parameter, reason), null);
  }

  private static ProblemDetail problem(String parameter, String reason) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
    problem.setTitle("Bad query parameter");
    problem.setType(URI.create("urn:entente:problem:bad-query-parameter"));
    problem.setProperty(
        "errors", java.util.List.of(java.util.Map.of("field", parameter, "reason", reason)));
    return problem;
  }
}
