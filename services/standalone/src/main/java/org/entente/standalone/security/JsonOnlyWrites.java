package org.entente.standalone.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that changes something under /api carries JSON or NDJSON, or no body at all: never a
 * form, multipart or plain text, the content types a browser sends cross-site without asking (415).
 * The endpoints check their own type too; this covers the body-less admin commands.
 */
final class JsonOnlyWrites extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

  private final SecurityProblems problems;

  JsonOnlyWrites(SecurityProblems problems) {
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return READS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean body =
        request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    if ((type == null && !body) || (type != null && accepted(type))) {
      chain.doFilter(request, response);
      return;
    }
    problems.write(
        request,
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        "Content-Type",
        type == null
            ? "a body needs Content-Type application/json or application/x-ndjson"
            : "'"
                + type
                + "' is not accepted: writes take application/json (or application/x-ndjson"
                + " for imports)");
  }

  private static boolean accepted(String type) {
    try {
      MediaType media = MediaType.parseMediaType(type);
      return MediaType.APPLICATION_JSON.isCompatibleWith(media)
          || NDJSON.isCompatibleWith(media)
          || ("application".equals(media.getType()) && media.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
