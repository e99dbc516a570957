package org.entente.timeline.cohesion;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every permit to compute a group from its facts stayed taken for the whole wait ({@link
 * GroupComputations}): answered 503 with {@code Retry-After}; nothing is wrong with the request.
 */
class CohesionBusyException extends ErrorResponseException {

  static final long RETRY_AFTER_SECONDS = 5;

  CohesionBusyException(String groupId, Duration waited) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(groupId, waited), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
  }

  private static ProblemDetail problem(String groupId, Duration waited) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "the cohesion of "
                + groupId
                + " has to be computed from its facts (its stored cohesion is being recomputed, or"
                + " the request asks what the stored rows cannot answer), and other such"
                + " computations kept every permit for "
                + waited.toSeconds()
                + " s; retry after "
                + RETRY_AFTER_SECONDS
                + " s");
    problem.setTitle("Cohesion busy");
    problem.setType(URI.create("urn:entente:problem:cohesion-busy"));
    return problem;
  }
}
