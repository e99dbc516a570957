package org.entente.timeline.streaming;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Every streaming download slot is taken: 503 with {@code Retry-After}, as a problem document. */
public class StreamsSaturatedException extends ErrorResponseException {

  public StreamsSaturatedException(int maxStreams, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(maxStreams, retryAfter), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
  }

  private static ProblemDetail problem(int maxStreams, Duration retryAfter) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "all "
                + maxStreams
                + " streaming downloads (history, exports) are in use; retry after "
                + Math.max(1, retryAfter.toSeconds())
                + " s");
    problem.setTitle("Too many streaming downloads");
    problem.setType(URI.create("urn:entente:problem:streams-saturated"));
    problem.setProperty("maxStreams", maxStreams);
    return problem;
  }
}
