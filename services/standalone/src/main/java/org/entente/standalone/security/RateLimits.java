package org.entente.standalone.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per principal, a token bucket for writes (every POST, PUT, PATCH and DELETE under /api) and one
 * for what-if cohesion computations (a cohesion request with parameters that change the
 * calculation, which is computed afresh instead of read). An empty bucket answers 429 with
 * Retry-After, as a problem document.
 */
final class RateLimits extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("entente.security");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Pattern COHESION =
      Pattern.compile("/api/groups/[^/]+/cohesion(/[^/]+/contributors)?");

  /** The query parameters that make a cohesion request a what-if (see CohesionRequest). */
  private static final Set<String> WHAT_IF = Set.of("halfLifeDays", "k", "scale", "members");

  private static final String RELIABILITY = "reliability.";

  private final SecuritySettings.RateLimit settings;
  private final SecurityProblems problems;
  private final Map<String, TokenBucket> writes = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> whatIfs = new ConcurrentHashMap<>();

  RateLimits(SecuritySettings.RateLimit settings, SecurityProblems problems) {
    this.settings = settings;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !settings.enabled() || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Principal principal = request.getUserPrincipal();
    String who = principal == null ? "anonymous" : principal.getName();
    long wait = 0;
    String limit = null;
    if (!READS.contains(request.getMethod())) {
      limit = "writes";
      wait =
          writes
              .computeIfAbsent(
                  who,
                  k ->
                      new TokenBucket(
                          settings.writeBurst(), settings.writesPerSecond(), System.nanoTime()))
              .take(System.nanoTime());
    } else if (whatIf(request)) {
      limit = "what-if computations";
      wait =
          whatIfs
              .computeIfAbsent(
                  who,
                  k ->
                      new TokenBucket(
                          settings.whatIfBurst(), settings.whatIfsPerSecond(), System.nanoTime()))
              .take(System.nanoTime());
    }
    if (wait == 0) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    log.atWarn()
        .setMessage("security event=rate-limited principal={} limit={} path={} retryAfter={}s")
        .addArgument(who)
        .addArgument(limit)
        .addArgument(request.getRequestURI())
        .addArgument(seconds)
        .addKeyValue("event", "rate-limited")
        .addKeyValue("principal", who)
        .log();
    response.setHeader("Retry-After", String.valueOf(seconds));
    problems.write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "request",
        "too many " + limit + " by " + who + "; retry after " + seconds + " s");
  }

  static boolean whatIf(HttpServletRequest request) {
    if (!COHESION.matcher(request.getRequestURI()).matches()) {
      return false;
    }
    return request.getParameterMap().keySet().stream()
        .anyMatch(name -> WHAT_IF.contains(name) || name.startsWith(RELIABILITY));
  }
}
