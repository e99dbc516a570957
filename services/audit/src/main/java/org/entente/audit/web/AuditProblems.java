package org.entente.audit.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem documents for the audit API, naming the parameter at fault. */
// before the other parts' advice, which would answer these without naming the parameter
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(
    assignableTypes = {
      AuditController.class,
      org.entente.audit.provenance.ProvenanceController.class
    })
class AuditProblems {

  @ExceptionHandler(AuditProblem.class)
  ResponseEntity<ProblemDetail> problem(AuditProblem problem) {
    return respond(problem.status(), problem.parameter(), problem.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getParameterName(), "is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    return respond(HttpStatus.BAD_REQUEST, e.getName(), "is not a whole number: " + e.getValue());
  }

  private static ResponseEntity<ProblemDetail> respond(
      HttpStatus status, String parameter, String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status, parameter == null ? detail : parameter + ": " + detail);
    if (parameter != null) {
      problem.setProperty("parameter", parameter);
    }
    return ResponseEntity.status(status).body(problem);
  }
}
