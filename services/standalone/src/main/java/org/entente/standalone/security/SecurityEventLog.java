package org.entente.standalone.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security events on the logger {@code entente.security}, one line each with {@code event=...} and
 * the same fields as key-value pairs (structured logging formats such as {@code
 * logging.structured.format.console=ecs} emit them as JSON fields): failed logins, denied requests,
 * form logins, and the administrative actions (rebuilds, dead-letter retries and deletions, key
 * use, audit verification) with who did them and the answer.
 */
@Component
class SecurityEventLog {

  static final Logger log = LoggerFactory.getLogger("entente.security");

  @EventListener
  void authenticationFailed(AbstractAuthenticationFailureEvent event) {
    String who = event.getAuthentication().getName();
    String reason = event.getException().getClass().getSimpleName();
    log.atWarn()
        .setMessage("security event=authentication-failure principal={} reason={}")
        .addArgument(who)
        .addArgument(reason)
        .addKeyValue("event", "authentication-failure")
        .addKeyValue("principal", who)
        .addKeyValue("reason", reason)
        .log();
  }

  @EventListener
  void loggedIn(InteractiveAuthenticationSuccessEvent event) {
    String who = event.getAuthentication().getName();
    log.atInfo()
        .setMessage("security event=login principal={}")
        .addArgument(who)
        .addKeyValue("event", "login")
        .addKeyValue("principal", who)
        .log();
  }

  @EventListener
  void denied(AuthorizationDeniedEvent<?> event) {
    Authentication authentication = event.getAuthentication().get();
    String who = authentication == null ? "anonymous" : authentication.getName();
    String target =
        event.getObject() instanceof HttpServletRequest request
            ? request.getMethod() + " " + request.getRequestURI()
            : String.valueOf(event.getObject());
    log.atWarn()
        .setMessage("security event=access-denied principal={} request={}")
        .addArgument(who)
        .addArgument(target)
        .addKeyValue("event", "access-denied")
        .addKeyValue("principal", who)
        .addKeyValue("request", target)
        .log();
  }

  /** Logs every administrative or key-using request once it is answered. */
  static final class AdminActions extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI();
      boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
      return !((path.startsWith("/api/admin/") && write)
          || path.startsWith("/api/audit/verify")
          || path.startsWith("/api/audit/key"));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } finally {
        Principal principal = request.getUserPrincipal();
        String who = principal == null ? "anonymous" : principal.getName();
        String target = request.getMethod() + " " + request.getRequestURI();
        log.atInfo()
            .setMessage("security event=admin-action principal={} request={} status={}")
            .addArgument(who)
            .addArgument(target)
            .addArgument(response.getStatus())
            .addKeyValue("event", "admin-action")
            .addKeyValue("principal", who)
            .addKeyValue("request", target)
            .addKeyValue("status", response.getStatus())
            .log();
      }
    }
  }
}
