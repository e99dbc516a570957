package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The role × endpoint matrix, checked against the endpoints the running application serves: every
 * request mapping of every handler mapping (controllers, springdoc and the actuator), each method ×
 * path pattern. An endpoint missing from {@link #MATRIX} fails the test, as does an entry for an
 * endpoint that no longer exists.
 *
 * <p>Each endpoint is called without credentials (401, or not 401/403 where it is open) and as each
 * of the four single-role users: a role the matrix does not name gets 403; a role it names gets
 * neither 401 nor 403 nor a 5xx (an open endpoint: neither 401 nor 403; /error itself answers 500),
 * and 2xx where the entry says a valid request is built (reads of the demo's data; writes are sent
 * with an empty JSON object, which the endpoint rejects as 400). An endpoint mapped for every
 * method is checked with GET.
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
// as in the running application: /actuator/prometheus is served (tests turn metrics export off)
@AutoConfigureObservability
class AccessMatrixIT {

  private static final Set<Role> RECORDER = EnumSet.of(Role.RECORDER);
  private static final Set<Role> READERS = EnumSet.of(Role.ANALYST, Role.AUDITOR);
  private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

  /** Who may call an endpoint; {@code open} needs no credentials at all. */
  record Access(Set<Role> roles, boolean open, String example, boolean succeeds) {}

  private static final Map<String, Access> MATRIX = new LinkedHashMap<>();

  static {
    // recorder: commands and imports (an empty JSON object: 400, past authorisation)
    for (String path :
        List.of(
            "/api/events",
            "/api/events/{id}/amendments",
            "/api/events/{id}/held",
            "/api/events/{id}/cancellation",
            "/api/events/{id}/retraction",
            "/api/statements",
            "/api/statements/{id}/corrections",
            "/api/statements/{id}/retraction",
            "/api/statements/{id}/translations",
            "/api/statements/{id}/sources",
            "/api/actors",
            "/api/actors/{id}/roles",
            "/api/actors/{id}/memberships",
            "/api/sources")) {
      write(path, path.replace("{id}", "matrix-x"));
    }
    rule("POST /api/import", RECORDER, "/api/import", true);

    // analyst and auditor: the read side, on the demo's data
    read("/api/actors", "/api/actors?q=nato");
    read("/api/actors/{id}", "/api/actors/nato");
    read("/api/actors/{id}/timeline", "/api/actors/mark-rutte/timeline");
    read("/api/groups/{id}/timeline", "/api/groups/nato/timeline?format=csv");
    read("/api/groups/{id}/cohesion", "/api/groups/nato/cohesion?halfLifeDays=10");
    read(
        "/api/groups/{id}/cohesion/{time}/contributors",
        "/api/groups/nato/cohesion/2025-02-13/contributors");
    read("/api/statements/{id}", "/api/statements/kallas-dirty-deal");
    read("/api/events/{id}", "/api/events/nato-defence-ministers-2025-02");
    read("/api/sources/{id}", "/api/sources/nos-2025-02-13-navo-defensieministers");
    read("/api/history", "/api/history");
    read("/api/live/events", "/api/live/events");
    read("/api/live/actors/{id}/timeline", "/api/live/actors/mark-rutte/timeline");
    read("/api/live/groups/{id}/timeline", "/api/live/groups/nato/timeline");
    read("/api/live/groups/{id}/cohesion", "/api/live/groups/nato/cohesion");

    // auditor: provenance, audit log, raw streams
    rule(
        "GET /api/statements/{id}/provenance",
        AUDITOR,
        "/api/statements/kallas-dirty-deal/provenance",
        true);
    rule(
        "GET /api/sources/{id}/statements",
        AUDITOR,
        "/api/sources/nos-2025-02-13-navo-defensieministers/statements",
        true);
    rule("GET /api/streams/{aggregateId}", AUDITOR, "/api/streams/kallas-dirty-deal", true);
    rule("GET /api/audit/head", AUDITOR, "/api/audit/head", true);
    rule("GET /api/audit/key", AUDITOR, "/api/audit/key", true);
    rule("GET /api/audit/proof/inclusion", AUDITOR, "/api/audit/proof/inclusion?position=0", false);
    rule("GET /api/audit/proof/consistency", AUDITOR, "/api/audit/proof/consistency?from=1", false);
    rule("POST /api/audit/verify", AUDITOR, "/api/audit/verify", true);
    rule("GET /api/audit/verify", AUDITOR, "/api/audit/verify?limit=5", true);
    rule(
        "GET /api/audit/verify/{id}",
        AUDITOR,
        "/api/audit/verify/00000000-0000-0000-0000-000000000000",
        false);

    // admin: projections and dead letters
    rule("GET /api/admin/projections/timeline", ADMIN, "/api/admin/projections/timeline", true);
    rule(
        "POST /api/admin/projections/timeline/rebuild",
        ADMIN,
        "/api/admin/projections/timeline/rebuild",
        false);
    rule("GET /api/admin/dead-letters", ADMIN, "/api/admin/dead-letters", true);
    rule("POST /api/admin/dead-letters/retry", ADMIN, "/api/admin/dead-letters/retry", false);
    rule(
        "POST /api/admin/dead-letters/{processingGroup}/{letterId}/retry",
        ADMIN,
        "/api/admin/dead-letters/timeline/matrix-x/retry",
        false);
    rule(
        "DELETE /api/admin/dead-letters/{processingGroup}/{letterId}",
        ADMIN,
        "/api/admin/dead-letters/timeline/matrix-x",
        false);

    // the actuator: health open, the rest admin
    open("GET /actuator/health", "/actuator/health");
    open("GET /actuator/health/**", "/actuator/health/readiness");
    rule("GET /actuator", ADMIN, "/actuator", true);
    rule("GET /actuator/info", ADMIN, "/actuator/info", true);
    rule("GET /actuator/metrics", ADMIN, "/actuator/metrics", true);
    rule(
        "GET /actuator/metrics/{requiredMetricName}",
        ADMIN,
        "/actuator/metrics/jvm.memory.used",
        true);
    rule("GET /actuator/prometheus", ADMIN, "/actuator/prometheus", true);

    // the API description: anyone signed in
    rule("GET /v3/api-docs", SIGNED_IN, "/v3/api-docs", true);
    rule("GET /v3/api-docs.yaml", SIGNED_IN, "/v3/api-docs.yaml", true);
    rule("GET /v3/api-docs/swagger-config", SIGNED_IN, "/v3/api-docs/swagger-config", true);
    rule("GET /swagger-ui.html", SIGNED_IN, "/swagger-ui.html", false);

    // the error page renders errors of every request (problem documents)
    open("GET /error", "/error");
  }

  private static void write(String pattern, String example) {
    rule("POST " + pattern, RECORDER, example, false);
  }

  private static void read(String pattern, String example) {
    rule("GET " + pattern, READERS, example, true);
  }

  private static void open(String endpoint, String example) {
    MATRIX.put(endpoint, new Access(Set.of(), true, example, false));
  }

  private static void rule(String endpoint, Set<Role> roles, String example, boolean succeeds) {
    MATRIX.put(endpoint, new Access(roles, false, example, succeeds));
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void everyEndpointHasAnEntry_andAnswersEachRoleAsTheMatrixSays() throws Exception {
    Set<String> served = servedEndpoints();
    assertThat(new TreeSet<>(served))
        .as("endpoints the application serves that have no entry in the role matrix")
        .isSubsetOf(MATRIX.keySet());
    assertThat(new TreeSet<>(MATRIX.keySet()))
        .as("matrix entries for endpoints the application no longer serves")
        .isSubsetOf(served);

    List<String> wrong = new ArrayList<>();
    int checks = 0;
    for (Map.Entry<String, Access> entry : MATRIX.entrySet()) {
      String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
      Access access = entry.getValue();
      int anonymous = status(method, access.example(), null);
      checks++;
      if (access.open() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
        wrong.add(entry.getKey() + " without credentials: " + anonymous);
      }
      for (Role role : Role.values()) {
        int status = status(method, access.example(), TestUsers.authorization(role));
        checks++;
        boolean allowed = access.open() || access.roles().contains(role);
        if (!allowed && status != 403) {
          wrong.add(entry.getKey() + " as " + role.id() + ": " + status + ", expected 403");
        } else if (access.open() && (status == 401 || status == 403)) {
          wrong.add(entry.getKey() + " as " + role.id() + ": " + status + ", it is open");
        } else if (!access.open()
            && allowed
            && (status == 401
                || status == 403
                || status >= 500
                || (access.succeeds() && (status < 200 || status > 299)))) {
          wrong.add(
              entry.getKey()
                  + " as "
                  + role.id()
                  + ": "
                  + status
                  + (access.succeeds() ? ", expected 2xx" : ", expected it past authorisation"));
        }
      }
    }
    System.out.printf(
        "Access matrix: %d endpoints x 5 callers (no credentials and the roles %s) = %d checks%n",
        MATRIX.size(), List.of(Role.values()), checks);
    assertThat(wrong).as("answers that differ from the role matrix").isEmpty();
    assertThat(checks).isEqualTo(MATRIX.size() * 5);
  }

  /** "METHOD pattern" for every mapping of every handler mapping; no method means GET. */
  private Set<String> servedEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            endpoints.add("GET " + pattern);
          }
          methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  /** The status of one request; a stream's body is not read. */
  private int status(String method, String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if ("POST".equals(method) && !path.contains("/admin/") && !path.endsWith("/verify")) {
      boolean ndjson = path.equals("/api/import");
      request
          .header("Content-Type", ndjson ? "application/x-ndjson" : "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(ndjson ? "" : "{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }
}
