package org.entente.recorder.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Accept} header cannot be read, or a POST that accepts none of the
 * answers a command can have, with 406 before anything runs. Otherwise the command would be carried
 * out and stored, and only its answer refused: a client told 406 whose write happened anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AcceptableAnswers extends OncePerRequestFilter {

  /** What a command's answer may be: JSON, a problem document, an import's NDJSON lines. */
  private static final List<MediaType> ANSWERS =
      List.of(
          MediaType.APPLICATION_JSON,
          MediaType.APPLICATION_PROBLEM_JSON,
          MediaType.parseMediaType("application/x-ndjson"));

  private final ObjectMapper json;

  public AcceptableAnswers(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<MediaType> accepted;
    try {
      accepted = accepted(request);
    } catch (InvalidMediaTypeException e) {
      refuse(request, response, "cannot be read: " + e.getMessage());
      return;
    }
    if ("POST".equals(request.getMethod())
        && !accepted.isEmpty()
        && accepted.stream().noneMatch(a -> ANSWERS.stream().anyMatch(a::isCompatibleWith))) {
      refuse(
          request,
          response,
          "must accept application/json (answers), application/problem+json (refusals) or, for an"
              + " import, application/x-ndjson");
      return;
    }
    chain.doFilter(request, response);
  }

  private static List<MediaType> accepted(HttpServletRequest request) {
    StringBuilder all = new StringBuilder();
    for (Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
        values.hasMoreElements(); ) {
      String value = values.nextElement();
      if (value != null && !value.isBlank()) {
        all.append(all.isEmpty() ? "" : ",").append(value);
      }
    }
    return all.isEmpty() ? List.of() : MediaType.parseMediaTypes(all.toString());
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String reason)
      throws IOException {
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.NOT_ACCEPTABLE,
            "http-406",
            "Not Acceptable",
            HttpHeaders.ACCEPT + ": " + reason,
            List.of(new FieldProblem(HttpHeaders.ACCEPT, reason)));
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException e) {
      // not a valid URI reference; leave instance out
    }
    problem.setProperty(ProblemAdvice.CORRELATION_ID, CorrelationIdFilter.correlationId(request));
    response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
