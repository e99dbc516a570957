package org.entente.standalone.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.entente.recorder.web.FieldProblem;
import org.entente.recorder.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Answers of the security layer as RFC 9457 problem documents, in the format of every other error
 * of the service: 401, 403, 415 and 429.
 */
final class SecurityProblems {

  private final ObjectMapper json;

  SecurityProblems(ObjectMapper json) {
    this.json = json;
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String name,
      String field,
      String reason)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem =
        Problems.problem(
            status,
            name,
            status.getReasonPhrase(),
            field + ": " + reason,
            List.of(new FieldProblem(field, reason)));
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // not a valid URI reference; leave instance out
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
