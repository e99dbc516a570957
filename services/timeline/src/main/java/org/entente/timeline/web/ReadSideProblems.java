package org.entente.timeline.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the read side's request errors into RFC 9457 problem documents that name the parameter: a
 * value of the wrong type or a missing parameter (400), the read side's own problems, and database
 * errors (503 with Retry-After while the database is unreachable, 500 otherwise).
 */
@RestControllerAdvice(basePackages = "org.entente.timeline")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadSideProblems {

  /** How long a client should wait before retrying while the database is unavailable. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(ReadSideProblems.class);

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null ? "a valid value" : "a " + e.getRequiredType().getSimpleName();
    return badParameter(e.getName(), "'" + e.getValue() + "' is not " + expected);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return badParameter(e.getParameterName(), "is required");
  }

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> problem(ErrorResponseException e) {
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(e.getBody());
  }

  /**
   * The database could not be reached or is overloaded (no connection, a timeout, a transient
   * failure): 503 with Retry-After, as a retry may succeed. Any other database error is a 500
   * problem; its details stay in the log.
   */
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<ProblemDetail> database(RuntimeException e) {
    boolean transientFailure =
        e instanceof DataAccessResourceFailureException
            || e instanceof TransientDataAccessException
            || e instanceof RecoverableDataAccessException
            || e instanceof CannotCreateTransactionException;
    if (transientFailure) {
      log.warn("Read side database unavailable: {}", e.toString());
      ProblemDetail problem =
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "database-unavailable",
              "Database unavailable",
              "the database cannot be reached at the moment; retry in "
                  + RETRY_AFTER_SECONDS
                  + " s");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    log.error("Read side query failed", e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "the query failed unexpectedly");
    return ResponseEntity.internalServerError()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static ProblemDetail problem(
      HttpStatus status, String name, String title, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "request: " + reason);
    problem.setTitle(title);
    problem.setType(URI.create("urn:entente:problem:" + name));
    problem.setProperty("errors", List.of(Map.of("field", "request", "reason", reason)));
    return problem;
  }

  private static ResponseEntity<ProblemDetail> badParameter(String parameter, String reason) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
    problem.setTitle("Bad query parameter");
    problem.setType(URI.create("urn:entente:problem:bad-query-parameter"));
    problem.setProperty("errors", List.of(Map.of("field", parameter, "reason", reason)));
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
