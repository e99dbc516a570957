package org.entente.standalone.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The one security configuration of the assembled application: who is who (HTTP Basic, form login
 * with a session, optionally JWT bearer tokens), who may do what ({@link AccessRules}, deny by
 * default), and the hardened surface (CSRF for sessions, JSON-only writes, CORS closed unless
 * configured, security headers, rate limits). See docs/security.md.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class WebSecurity {

  /** Scripts only from this origin, never inline; nothing may frame the pages. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityFilterChain entente(
      HttpSecurity http,
      SecuritySettings settings,
      ObjectMapper json,
      AuthenticationManager authenticationManager,
      ApplicationEventPublisher events)
      throws Exception {
    SecurityProblems problems = new SecurityProblems(json);
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"entente\"");
          problems.write(
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              "unauthorized",
              "Authorization",
              "sign in: HTTP Basic, a bearer token or the login form (/login)");
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "role",
                e instanceof CsrfException
                    ? "a browser session must send its CSRF token (X-XSRF-TOKEN header, from the"
                        + " XSRF-TOKEN cookie)"
                    : "your roles do not allow "
                        + request.getMethod()
                        + " "
                        + request.getRequestURI());
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            rules -> {
              rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
              AccessRules.apply(rules);
            })
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .formLogin(form -> form.permitAll())
        .logout(logout -> logout.permitAll())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new SpaCsrfTokens())
                    .ignoringRequestMatchers(WebSecurity::noSessionToForge))
        .cors(cors -> cors.configurationSource(cors(settings.cors())))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
        .exceptionHandling(
            errors ->
                errors
                    // mappings, not one entry point: with an entry point of its own the
                    // default login page would not be generated
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), pages())
                    .defaultAuthenticationEntryPointFor(unauthorized, AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(forbidden))
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        .addFilterAfter(new SpaCsrfTokens.CookieFilter(), CsrfFilter.class)
        .addFilterAfter(new JsonOnlyWrites(problems), AuthorizationFilter.class)
        .addFilterAfter(new RateLimits(settings.rateLimit(), problems), JsonOnlyWrites.class)
        .addFilterAfter(new SecurityEventLog.AdminActions(), RateLimits.class);
    if (settings.jwt().enabled()) {
      JwtAuthenticationProvider tokens =
          new JwtAuthenticationProvider(JwtRoles.decoder(settings.jwt()));
      tokens.setJwtAuthenticationConverter(new JwtRoles(settings.jwt()));
      ProviderManager bearer = new ProviderManager(tokens);
      bearer.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .authenticationEntryPoint(unauthorized)
                  .accessDeniedHandler(forbidden)
                  .jwt(jwt -> jwt.authenticationManager(bearer)));
    }
    return http.build();
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization: with
   * them on, every request opened about twenty observations, a large share of an API call's CPU.
   * Requests stay observed as a whole ({@code http.server.requests}); denials and failed logins are
   * logged by {@link SecurityEventLog}.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Users and passwords: configured, or the users file (created on first start). */
  @Bean
  InMemoryUserDetailsManager users(SecuritySettings settings) {
    return new InMemoryUserDetailsManager(UserAccounts.load(settings));
  }

  @Bean
  AuthenticationManager authenticationManager(
      InMemoryUserDetailsManager users,
      SecuritySettings settings,
      ApplicationEventPublisher events) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(new BCryptPasswordEncoder());
    ProviderManager manager =
        new ProviderManager(new CachedCredentials(passwords, settings.credentialCache()));
    manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
    return manager;
  }

  /** Publishes denied requests as events, for {@link SecurityEventLog}. */
  @Bean
  AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
    return new SpringAuthorizationEventPublisher(events);
  }

  /**
   * Remembers a page a browser asked for before its login, to return there; an API request that got
   * 401 creates no session.
   */
  private static HttpSessionRequestCache pagesOnly() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(pages());
    return cache;
  }

  private static MediaTypeRequestMatcher pages() {
    MediaTypeRequestMatcher pages =
        new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
    pages.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    return pages;
  }

  /**
   * CSRF protects cookie sessions (and the login form, against logging a victim into another
   * account). A request without a session cookie has no ambient credentials to forge: it brings its
   * own (Basic or bearer) or none, and then it gets 401. A browser that attached cached Basic
   * credentials to a cross-site request still cannot send JSON without a CORS preflight, which is
   * refused, and a form or text body is refused with 415 ({@link JsonOnlyWrites}).
   */
  static boolean noSessionToForge(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestedSessionId() == null && !"/login".equals(request.getServletPath());
  }

  /** Closed unless {@code entente.security.cors.allowed-origins} names origins. */
  static CorsConfigurationSource cors(SecuritySettings.Cors settings) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(List.copyOf(settings.allowedOrigins()));
    config.setAllowedMethods(List.copyOf(settings.allowedMethods()));
    config.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Idempotency-Key",
            "X-Correlation-Id",
            "X-XSRF-TOKEN"));
    config.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Correlation-Id"));
    config.setAllowCredentials(true);
    config.setMaxAge(settings.maxAge());
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", config);
    return source;
  }
}
