package org.entente.recorder.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place the recorder's refusals become RFC 9457 problem documents ({@code
 * application/problem+json}), each naming the field(s) at fault and why, and carrying the request's
 * correlation id. Limited to the recorder's controllers, so it never answers for another service's
 * endpoints in a combined process; the errors Spring MVC raises itself are {@link
 * SpringMvcProblems}' job, which is asked first.
 */
@RestControllerAdvice(basePackages = "org.entente.recorder")
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice {

  public static final String CORRELATION_ID = "correlationId";

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> refused(Exception failure, HttpServletRequest request) {
    ProblemDetail problem = Problems.of(failure);
    problem.setProperty(CORRELATION_ID, CorrelationIdFilter.correlationId(request));
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      answer.header(
          HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    }
    return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
