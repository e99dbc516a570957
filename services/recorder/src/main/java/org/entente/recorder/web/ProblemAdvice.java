package org.entente.recorder.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place HTTP errors become RFC 9457 problem documents ({@code application/problem+json}),
 * each naming the field(s) at fault and why, and carrying the request's correlation id.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  public static final String CORRELATION_ID = "correlationId";

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> refused(Exception failure, HttpServletRequest request) {
    ProblemDetail problem = Problems.of(failure);
    return respond(problem, request);
  }

  /** Errors Spring MVC raises before our code runs (wrong method, media type, no body). */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception failure,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest webRequest) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(failure, body, headers, statusCode, webRequest);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      if (problem.getProperties() == null
          || !problem.getProperties().containsKey(Problems.ERRORS)) {
        problem.setProperty(Problems.ERRORS, List.of(fieldProblem(failure, problem)));
      }
      problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + "http-" + statusCode.value()));
      Object correlationId =
          webRequest.getAttribute(CorrelationIdFilter.class.getName(), WebRequest.SCOPE_REQUEST);
      if (correlationId != null) {
        problem.setProperty(CORRELATION_ID, correlationId);
      }
    }
    return response;
  }

  private static FieldProblem fieldProblem(Exception failure, ProblemDetail problem) {
    String reason = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
    if (failure instanceof HttpMessageNotReadableException) {
      return new FieldProblem(JsonProblems.WHOLE_BODY, "a JSON body is required");
    }
    if (failure instanceof HttpMediaTypeNotSupportedException) {
      return new FieldProblem(HttpHeaders.CONTENT_TYPE, reason);
    }
    if (failure instanceof HttpMediaTypeNotAcceptableException) {
      return new FieldProblem(HttpHeaders.ACCEPT, reason);
    }
    if (failure instanceof HttpRequestMethodNotSupportedException) {
      return new FieldProblem("method", reason);
    }
    return new FieldProblem("request", reason);
  }

  static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
    problem.setProperty(CORRELATION_ID, CorrelationIdFilter.correlationId(request));
    if (problem.getInstance() == null) {
      problem.setInstance(java.net.URI.create(request.getRequestURI()));
    }
    return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
