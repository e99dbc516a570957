package org.entente.standalone;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.entente.standalone.security.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The users of the tests (src/test/resources/application.properties). A test that is not about
 * access calls the service as {@link #TESTER}, who holds every role:
 *
 * <ul>
 *   <li>java.net.http: {@code TestUsers.authorized(HttpRequest.newBuilder(uri))} or {@code
 *       .header("Authorization", TestUsers.AUTHORIZATION)};
 *   <li>TestRestTemplate: {@code TestUsers.authorized(http).getForObject(...)};
 *   <li>curl in a shell: {@code -u tester:tester-password}.
 * </ul>
 *
 * The users recorder, analyst, auditor and admin hold one role each; their password is the name
 * followed by "-password".
 */
public final class TestUsers {

  /** Holds every role. */
  public static final String TESTER = "tester";

  public static final String TESTER_PASSWORD = "tester-password";

  /** The Authorization header value (HTTP Basic) of {@link #TESTER}. */
  public static final String AUTHORIZATION = basic(TESTER, TESTER_PASSWORD);

  private TestUsers() {}

  /** Adds {@link #TESTER}'s credentials to a request. */
  public static HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return request.header("Authorization", AUTHORIZATION);
  }

  /** The same template, sending {@link #TESTER}'s credentials. */
  public static TestRestTemplate authorized(TestRestTemplate http) {
    return http.withBasicAuth(TESTER, TESTER_PASSWORD);
  }

  /** The user holding only {@code role} (named after it). */
  public static String user(Role role) {
    return role.id();
  }

  public static String password(String user) {
    return user + "-password";
  }

  /** The Authorization header value of the user holding only {@code role}. */
  public static String authorization(Role role) {
    return basic(user(role), password(user(role)));
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
