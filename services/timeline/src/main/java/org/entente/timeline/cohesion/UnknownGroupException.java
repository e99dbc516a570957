package org.entente.timeline.cohesion;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The group asked for is no registered group; answered as an RFC 9457 problem (404). */
class UnknownGroupException extends ErrorResponseException {

  UnknownGroupException(String groupId) {
    this(groupId, "unknown actor");
  }

  UnknownGroupException(String groupId, String reason) {
    super(HttpStatus.NOT_FOUND, problem(groupId, reason), null);
  }

  private static ProblemDetail problem(String groupId, String reason) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "id: " + groupId + ": " + reason);
    problem.setTitle("Unknown group");
    problem.setType(URI.create("urn:entente:problem:unknown-reference"));
    problem.setProperty(
        "errors", java.util.List.of(java.util.Map.of("field", "id", "reason", reason)));
    return problem;
  }
}
