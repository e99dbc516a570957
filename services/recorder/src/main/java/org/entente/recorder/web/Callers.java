package org.entente.recorder.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** The caller of an HTTP request: the authenticated principal, else "anonymous". */
public final class Callers {

  private Callers() {}

  public static Caller of(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    String recordedBy =
        principal != null && principal.getName() != null && !principal.getName().isBlank()
            ? principal.getName()
            : Caller.ANONYMOUS;
    return new Caller(recordedBy, CorrelationIdFilter.correlationId(request));
  }
}
