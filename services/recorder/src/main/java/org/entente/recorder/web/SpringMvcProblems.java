package org.entente.recorder.web;

import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem documents in the recorder's style for the errors Spring MVC raises before or around a
 * controller (wrong method or media type, no body, unknown path): Spring's own problem document
 * plus {@code errors} naming what was wrong, a {@code urn:entente:problem:http-<status>} type and
 * the correlation id. A type or errors another handler already set are kept. Applies to every
 * controller, as these errors often arise before one is chosen.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class SpringMvcProblems extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception failure,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(failure, body, headers, statusCode, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem) {
      if (problem.getProperties() == null
          || !problem.getProperties().containsKey(Problems.ERRORS)) {
        problem.setProperty(Problems.ERRORS, List.of(fieldProblem(failure, problem)));
      }
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + statusCode.value()));
      }
      Object correlationId =
          request.getAttribute(CorrelationIdFilter.ATTRIBUTE, WebRequest.SCOPE_REQUEST);
      if (correlationId != null) {
        problem.setProperty(ProblemAdvice.CORRELATION_ID, correlationId);
      }
    }
    return response;
  }

  private static FieldProblem fieldProblem(Exception failure, ProblemDetail problem) {
    String reason = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
    if (failure instanceof HttpMessageNotReadableException) {
      return new FieldProblem(JsonProblems.WHOLE_BODY, "a readable body is required");
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
}
