package org.entente.recorder.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's default error body ({@code timestamp, status, error, path}) with a problem
 * document for every error no exception handler answered: a failure in a filter, an exception that
 * escaped a controller, a {@code sendError}. Every answer of the service is then either a success
 * or {@code application/problem+json}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    String reason;
    String name;
    if (status.is5xxServerError()) {
      if (failure instanceof Throwable t) {
        log.error("Request failed unexpectedly", t);
      }
      name =
          status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal-error" : "http-" + status.value();
      reason = "the request failed unexpectedly; nothing was stored";
    } else {
      name = "http-" + status.value();
      Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
      reason =
          message == null || message.toString().isBlank()
              ? status.getReasonPhrase()
              : message.toString();
    }
    ProblemDetail problem =
        Problems.problem(
            status,
            name,
            status.getReasonPhrase(),
            "request: " + reason,
            List.of(new FieldProblem("request", reason)));
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri != null) {
      try {
        problem.setInstance(URI.create(uri.toString()));
      } catch (IllegalArgumentException e) {
        // not a valid URI reference; leave instance out
      }
    }
    problem.setProperty(ProblemAdvice.CORRELATION_ID, CorrelationIdFilter.correlationId(request));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(Object code) {
    if (code instanceof Integer value) {
      HttpStatus status = HttpStatus.resolve(value);
      if (status != null && status.isError()) {
        return status;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
