package org.entente.timeline.live;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every live stream of this node is taken (or the node is stopping): 503 with Retry-After. */
class LiveClientsSaturatedException extends ErrorResponseException {

  LiveClientsSaturatedException(String detail, int maxClients, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail, maxClients), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
  }

  private static ProblemDetail problem(String detail, int maxClients) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setTitle("Too many live streams");
    problem.setType(URI.create("urn:entente:problem:live-streams-saturated"));
    problem.setProperty("maxClients", maxClients);
    return problem;
  }
}
