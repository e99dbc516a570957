package org.entente.timeline.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the read side's request errors into RFC 9457 problem documents that name the parameter: a
 * value of the wrong type or a missing parameter (400), and the read side's own problems.
 */
@RestControllerAdvice(basePackages = "org.entente.timeline")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadSideProblems {

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
