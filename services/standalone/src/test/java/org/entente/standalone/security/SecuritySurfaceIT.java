package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestUsers;
import org.entente.standalone.operations.OperationsHttp;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hardened surface of the running application: identity in every event, bearer tokens, CSRF for
 * browser sessions, CORS, JSON-only writes, security headers, problem documents for 401, the health
 * details, rate limits and the security event log.
 */
@SpringBootTest(
    classes = EntenteApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "entente.security.cors.allowed-origins=https://dashboard.example",
      "entente.security.rate-limit.enabled=true",
      "entente.security.rate-limit.write-burst=12",
      "entente.security.rate-limit.writes-per-second=0.001",
      "entente.security.rate-limit.what-if-burst=2",
      "entente.security.rate-limit.what-ifs-per-second=0.001",
      "entente.security.jwt.enabled=true",
      "entente.security.jwt.roles-claim=realm_access.roles",
      "entente.security.jwt.principal-claim=preferred_username"
    })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class SecuritySurfaceIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KeyPair ISSUER = rsa();
  private static final KeyPair STRANGER = rsa();

  @DynamicPropertySource
  static void issuerKey(DynamicPropertyRegistry registry) {
    registry.add(
        "entente.security.jwt.public-key",
        () -> Base64.getEncoder().encodeToString(ISSUER.getPublic().getEncoded()));
  }

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // --- identity

  @Test
  void recordedBy_isTheSignedInRecorder_whateverTheHeadersSay() throws Exception {
    String id = "sec-identity-" + UUID.randomUUID();
    HttpResponse<String> created =
        send(
            request("/api/statements", TestUsers.authorization(Role.RECORDER))
                .header("Content-Type", "application/json")
                .header("X-Recorded-By", "mallory")
                .header("X-Forwarded-User", "mallory")
                .header("X-Remote-User", "mallory")
                .header("Remote-User", "mallory")
                .header("recordedBy", "mallory")
                .POST(HttpRequest.BodyPublishers.ofString(OperationsHttp.statement(id))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(recordedBy(id)).containsExactly("recorder");
  }

  @Test
  void recordedBy_inTheBody_isRefusedAndNothingIsStored() throws Exception {
    String id = "sec-body-" + UUID.randomUUID();
    String body = OperationsHttp.statement(id).replaceFirst("\\{", "{\"recordedBy\":\"mallory\",");
    HttpResponse<String> refused = post("/api/statements", body, Role.RECORDER);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("recordedBy");
    assertThat(
            send(request("/api/streams/" + id, TestUsers.authorization(Role.AUDITOR)).GET())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void importLines_cannotNameTheirRecorder_andImportedEventsNameTheImporterAndFile()
      throws Exception {
    String forged = "sec-import-forged-" + UUID.randomUUID();
    String honest = "sec-import-" + UUID.randomUUID();
    String ndjson =
        line(
                "{\"command\":\"RecordStatement\",\"recordedBy\":\"mallory\",\"body\":"
                    + OperationsHttp.statement(forged)
                    + "}")
            + line(
                "{\"command\":\"RecordStatement\",\"body\":"
                    + OperationsHttp.statement(forged)
                        .replaceFirst("\\{", "{\"recordedBy\":\"mallory\",")
                    + "}")
            + line(
                "{\"command\":\"RecordStatement\",\"body\":"
                    + OperationsHttp.statement(honest)
                    + "}");
    HttpResponse<String> imported =
        send(
            request(
                    "/api/import?fileName=briefing-2025-02.ndjson",
                    TestUsers.authorization(Role.RECORDER))
                .header("Content-Type", "application/x-ndjson")
                .header("X-Recorded-By", "mallory")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)));
    assertThat(imported.statusCode()).isEqualTo(200);
    List<JsonNode> answers = imported.body().lines().map(SecuritySurfaceIT::tree).toList();
    assertThat(answers)
        .extracting(a -> a.path("status").asText())
        .containsExactly("rejected", "rejected", "created");
    assertThat(answers.get(0).toString()).contains("recordedBy");
    assertThat(answers.get(1).toString()).contains("recordedBy");
    assertThat(
            send(request("/api/streams/" + forged, TestUsers.authorization(Role.AUDITOR)).GET())
                .statusCode())
        .isEqualTo(404);

    String sha256 =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ndjson.getBytes(StandardCharsets.UTF_8)));
    assertThat(imported.headers().firstValue("Import-SHA256")).contains(sha256);
    List<JsonNode> metaData = metaData(honest);
    assertThat(metaData).hasSize(1);
    assertThat(metaData.get(0).path("recordedBy").asText()).isEqualTo("recorder");
    assertThat(metaData.get(0).path("importFile").asText()).isEqualTo("briefing-2025-02.ndjson");
    assertThat(metaData.get(0).path("importSha256").asText()).isEqualTo(sha256);
  }

  // --- bearer tokens

  @Test
  void bearerTokens_carryTheNameAndRolesOfTheirClaims() throws Exception {
    String id = "sec-jwt-" + UUID.randomUUID();
    String rita = "Bearer " + token(ISSUER, "jwt-rita", List.of("recorder"), 300);
    HttpResponse<String> created =
        send(
            request("/api/statements", rita)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(OperationsHttp.statement(id))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(recordedBy(id)).containsExactly("jwt-rita");

    String alan = "Bearer " + token(ISSUER, "jwt-alan", List.of("analyst", "unknown"), 300);
    assertThat(send(request("/api/actors/nato", alan).GET()).statusCode()).isEqualTo(200);
    assertThat(
            send(request("/api/statements", alan)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(OperationsHttp.statement(id + "-2"))))
                .statusCode())
        .isEqualTo(403);

    String forged = "Bearer " + token(STRANGER, "jwt-rita", List.of("admin"), 300);
    assertThat(send(request("/api/actors/nato", forged).GET()).statusCode()).isEqualTo(401);
    String expired = "Bearer " + token(ISSUER, "jwt-alan", List.of("analyst"), -600);
    assertThat(send(request("/api/actors/nato", expired).GET()).statusCode()).isEqualTo(401);
  }

  // --- browser sessions and CSRF

  @Test
  void aBrowserSession_needsItsCsrfToken_forWrites_andCanReadSwaggerUi() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/swagger-ui.html")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    HttpResponse<String> form =
        browser.send(
            HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    Matcher hidden = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
    assertThat(hidden.find()).as(form.body()).isTrue();

    // the login form itself is protected: without its token it is refused
    assertThat(login(browser, "recorder", "recorder-password", null).statusCode()).isEqualTo(403);
    HttpResponse<String> signedIn =
        login(browser, "recorder", "recorder-password", hidden.group(1));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    HttpResponse<String> docs =
        browser.send(
            HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(docs.statusCode()).isEqualTo(200);
    HttpResponse<String> swagger =
        browser.send(
            HttpRequest.newBuilder(uri("/swagger-ui.html")).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(swagger.statusCode()).isEqualTo(302);
    assertThat(swagger.headers().firstValue("Location").orElseThrow())
        .contains("/swagger-ui/index.html");

    String id = "sec-csrf-" + UUID.randomUUID();
    HttpRequest.Builder write =
        HttpRequest.newBuilder(uri("/api/statements"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(OperationsHttp.statement(id)));
    HttpResponse<String> forged = browser.send(write.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");

    String token =
        cookies.getCookieStore().get(uri("/")).stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> created =
        browser.send(
            write.header("X-XSRF-TOKEN", token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(recordedBy(id)).containsExactly("recorder");
  }

  // --- CORS

  @Test
  void cors_isClosedToOtherOrigins_andOpenToTheConfiguredOne() throws Exception {
    HttpResponse<String> evil = preflight("https://evil.example");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> evilRead =
        send(
            request("/api/actors/nato", TestUsers.authorization(Role.ANALYST))
                .header("Origin", "https://evil.example")
                .GET());
    assertThat(evilRead.statusCode()).isEqualTo(403);
    assertThat(evilRead.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> dashboard = preflight("https://dashboard.example");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://dashboard.example");
  }

  // --- content types, headers, problems

  @Test
  void writes_takeOnlyJsonOrNdjson() throws Exception {
    for (String type :
        List.of(
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain")) {
      HttpResponse<String> statement =
          send(
              request("/api/statements", TestUsers.authorization(Role.RECORDER))
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("statementId=x")));
      assertThat(statement.statusCode()).as(type).isEqualTo(415);
      assertThat(statement.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      HttpResponse<String> rebuild =
          send(
              request("/api/admin/dead-letters/retry", TestUsers.authorization(Role.ADMIN))
                  .header("Content-Type", type)
                  .POST(HttpRequest.BodyPublishers.ofString("a=b")));
      assertThat(rebuild.statusCode()).as(type).isEqualTo(415);
    }
  }

  @Test
  void answers_carryTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            send(request("/api/actors/nato", TestUsers.authorization(Role.ANALYST)).GET()),
            send(HttpRequest.newBuilder(uri("/login")).GET()))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
      String scripts = csp.replaceAll(".*script-src ([^;]*).*", "$1");
      assertThat(scripts).isEqualTo("'self'");
      assertThat(csp).contains("frame-ancestors 'none'");
    }
  }

  @Test
  void unauthenticated_isA401Problem_withABasicChallenge_andLogged(CapturedOutput output)
      throws Exception {
    HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/actors/nato")).GET());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
    assertThat(tree(none.body()).path("type").asText())
        .isEqualTo("urn:entente:problem:unauthorized");

    HttpResponse<String> wrong =
        send(request("/api/actors/nato", TestUsers.basic("analyst", "not-the-password")).GET());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> denied =
        send(request("/api/admin/dead-letters", TestUsers.authorization(Role.ANALYST)).GET());
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(tree(denied.body()).path("type").asText())
        .isEqualTo("urn:entente:problem:forbidden");
    HttpResponse<String> retry =
        send(
            request("/api/admin/dead-letters/retry", TestUsers.authorization(Role.ADMIN))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(retry.statusCode()).isLessThan(300);

    assertThat(output.getOut())
        .contains("security event=authentication-failure principal=analyst")
        .contains(
            "security event=access-denied principal=analyst request=GET /api/admin/dead-letters")
        .contains(
            "security event=admin-action principal=admin request=POST"
                + " /api/admin/dead-letters/retry status=");
  }

  @Test
  void healthDetails_onlyForAdmins() throws Exception {
    JsonNode open = tree(send(HttpRequest.newBuilder(uri("/actuator/health")).GET()).body());
    assertThat(open.has("status")).isTrue();
    assertThat(open.has("components")).isFalse();
    JsonNode analyst =
        tree(send(request("/actuator/health", TestUsers.authorization(Role.ANALYST)).GET()).body());
    assertThat(analyst.has("components")).isFalse();
    JsonNode admin =
        tree(send(request("/actuator/health", TestUsers.authorization(Role.ADMIN)).GET()).body());
    assertThat(admin.has("components")).isTrue();
  }

  @Test
  void aSourcesStoredText_isTheAuditors_itsSummaryTheAnalysts() throws Exception {
    String source = "/api/sources/nos-2025-02-13-navo-defensieministers";
    String analyst = TestUsers.authorization(Role.ANALYST);
    assertThat(send(request(source, analyst).GET()).statusCode()).isEqualTo(200);
    assertThat(send(request(source + "?include=text", analyst).GET()).statusCode()).isEqualTo(403);
    HttpResponse<String> audited =
        send(request(source + "?include=text", TestUsers.authorization(Role.AUDITOR)).GET());
    assertThat(audited.statusCode()).isEqualTo(200);
    assertThat(tree(audited.body()).path("textSha256Matches").asBoolean()).isTrue();
  }

  // --- rate limits

  @Test
  void whatIfComputations_areLimitedPerPrincipal_with429AndRetryAfter() throws Exception {
    String whatIf = "/api/groups/nato/cohesion?halfLifeDays=3";
    String auditor = TestUsers.authorization(Role.AUDITOR);
    assertThat(send(request(whatIf, auditor).GET()).statusCode()).isEqualTo(200);
    assertThat(send(request(whatIf + "&k=2", auditor).GET()).statusCode()).isEqualTo(200);
    HttpResponse<String> limited = send(request(whatIf, auditor).GET());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
        .isPositive();
    assertThat(limited.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(tree(limited.body()).path("status").asInt()).isEqualTo(429);
    // stored cohesion is a read, not a computation; another principal has a bucket of its own
    assertThat(send(request("/api/groups/nato/cohesion", auditor).GET()).statusCode())
        .isEqualTo(200);
    assertThat(send(request(whatIf, TestUsers.authorization(Role.ANALYST)).GET()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void writes_areLimitedPerPrincipal() throws Exception {
    String tester = TestUsers.AUTHORIZATION;
    for (int i = 0; i < 12; i++) {
      HttpResponse<String> write =
          send(
              request("/api/actors", tester)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(write.statusCode()).as("write " + i).isEqualTo(400);
    }
    HttpResponse<String> limited =
        send(
            request("/api/actors", tester)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    // reads are not writes
    assertThat(send(request("/api/actors/nato", tester).GET()).statusCode()).isEqualTo(200);
  }

  // --- helpers

  private HttpResponse<String> preflight(String origin) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/api/statements"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,authorization")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> login(HttpClient browser, String user, String password, String csrf)
      throws Exception {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The recordedBy of every stored event of an aggregate, read as an auditor. */
  private List<String> recordedBy(String aggregateId) throws Exception {
    return metaData(aggregateId).stream().map(meta -> meta.path("recordedBy").asText()).toList();
  }

  private List<JsonNode> metaData(String aggregateId) throws Exception {
    HttpResponse<String> stream =
        send(request("/api/streams/" + aggregateId, TestUsers.authorization(Role.AUDITOR)).GET());
    assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
    return tree(stream.body()).path("events").findValues("metaData");
  }

  private HttpResponse<String> post(String path, String body, Role role) throws Exception {
    return send(
        request(path, TestUsers.authorization(role))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String authorization) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", authorization);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String line(String json) {
    return json.replace("\n", " ") + "\n";
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static String token(KeyPair key, String user, List<String> roles, long validSeconds)
      throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(UUID.randomUUID().toString())
            .claim("preferred_username", user)
            .claim("realm_access", Map.of("roles", roles))
            .issueTime(Date.from(now.minusSeconds(Math.max(0, -validSeconds) + 60)))
            .expirationTime(Date.from(now.plusSeconds(validSeconds)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
