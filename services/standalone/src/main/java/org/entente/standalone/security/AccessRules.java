package org.entente.standalone.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may call what, by method and path; the first matching rule decides and a request no rule
 * names is refused. A new endpoint needs a rule here and an entry in the role matrix test
 * (AccessMatrixIT), which fails for an endpoint it does not know. The roles, per the issue:
 *
 * <ul>
 *   <li>recorder: commands and imports;
 *   <li>analyst: timelines, lookups, history, cohesion and what-if, exports, live streams;
 *   <li>auditor: what an analyst reads, plus provenance, audit log proofs and verification, raw
 *       event streams;
 *   <li>admin: projections, dead letters and the actuator (health is open; its details need admin).
 * </ul>
 */
final class AccessRules {

  private static final String RECORDER = Role.RECORDER.name();
  private static final String ANALYST = Role.ANALYST.name();
  private static final String AUDITOR = Role.AUDITOR.name();
  private static final String ADMIN = Role.ADMIN.name();

  private AccessRules() {}

  static void apply(
      AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
    // open: liveness, readiness and the health summary, the error page, login and logout
    rules.requestMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll();
    rules.requestMatchers("/error").permitAll();

    // admin: projections, dead letters, processor control, the actuator
    rules.requestMatchers("/api/admin/**").hasRole(ADMIN);
    rules.requestMatchers("/actuator", "/actuator/**").hasRole(ADMIN);

    // auditor: provenance, the audit log (proofs, key, verification), raw event streams
    rules
        .requestMatchers(GET, "/api/statements/*/provenance", "/api/sources/*/statements")
        .hasRole(AUDITOR);
    rules.requestMatchers(AccessRules::sourceWithText).hasRole(AUDITOR);
    rules.requestMatchers(GET, "/api/audit/**").hasRole(AUDITOR);
    rules.requestMatchers(POST, "/api/audit/verify").hasRole(AUDITOR);
    rules.requestMatchers(GET, "/api/streams/**").hasRole(AUDITOR);

    // recorder: commands and imports
    rules
        .requestMatchers(
            POST,
            "/api/events",
            "/api/events/*/*",
            "/api/statements",
            "/api/statements/*/*",
            "/api/actors",
            "/api/actors/*/*",
            "/api/sources",
            "/api/import")
        .hasRole(RECORDER);

    // analyst (and auditor): the read side
    rules
        .requestMatchers(
            GET,
            "/api/actors",
            "/api/actors/*",
            "/api/actors/*/timeline",
            "/api/groups/*/timeline",
            "/api/groups/*/cohesion",
            "/api/groups/*/cohesion/*/contributors",
            "/api/statements/*",
            "/api/events/*",
            "/api/sources/*",
            "/api/history",
            "/api/live/**")
        .hasAnyRole(ANALYST, AUDITOR);

    // the API description and Swagger UI: anyone signed in
    rules
        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
        .authenticated();
    rules.requestMatchers(GET, "/swagger-ui.html", "/swagger-ui/**").authenticated();

    // everything else, including any endpoint added without a rule
    rules.anyRequest().denyAll();
  }

  /**
   * {@code GET /api/sources/{id}?include=text}: the source's stored text with its hash re-checked,
   * answered by the audit module; an analyst reads the source's summary without it.
   */
  private static boolean sourceWithText(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod())
        && request.getParameter("include") != null
        && path.matches("/api/sources/[^/]+");
  }
}
