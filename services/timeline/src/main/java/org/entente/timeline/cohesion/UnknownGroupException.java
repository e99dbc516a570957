package org.entente.timeline.cohesion;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The group asked for is no registered actor; answered as an RFC 9457 problem (404). */
class UnknownGroupException extends ErrorResponseException {

  UnknownGroupException(String groupId) {
    super(HttpStatus.NOT_FOUND, problem(groupId), null);
  }

  private static ProblemDetail problem(String groupId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "id: no actor " + groupId);
    problem.setTitle("Unknown group");
    problem.setType(URI.create("urn:entente:problem:unknown-reference"));
    problem.setProperty(
        "errors", java.util.List.of(java.util.Map.of("field", "id", "reason", "unknown actor")));
    return problem;
  }
}
