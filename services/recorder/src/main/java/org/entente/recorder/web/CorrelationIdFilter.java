package org.entente.recorder.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every API request a correlation id: the client's {@code X-Correlation-Id} when it is a
 * plausible id (1–128 characters of letters, digits and {@code ._:-}), otherwise a new UUID. The id
 * used is echoed in the response header and stored in the metadata of every event the request
 * causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

  static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
  private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(Headers.CORRELATION_ID);
    String correlationId =
        given != null && PLAUSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, correlationId);
    response.setHeader(Headers.CORRELATION_ID, correlationId);
    chain.doFilter(request, response);
  }

  /** The request's correlation id (a new one if the filter did not run). */
  public static String correlationId(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id == null) {
      id = UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
    }
    return id.toString();
  }
}
