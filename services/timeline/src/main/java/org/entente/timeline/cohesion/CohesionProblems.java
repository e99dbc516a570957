package org.entente.timeline.cohesion;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the cohesion endpoints' errors with their RFC 9457 problem document. */
@RestControllerAdvice(assignableTypes = CohesionController.class)
class CohesionProblems {

  @ExceptionHandler(ErrorResponseException.class)
  ResponseEntity<ProblemDetail> problem(ErrorResponseException e) {
    return ResponseEntity.status(e.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(e.getBody());
  }
}
