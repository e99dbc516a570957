package org.entente.standalone.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code entente.security.*}: users, the first-start users file, JWT bearer tokens, CORS and rate
 * limits. See docs/security.md.
 */
@ConfigurationProperties("entente.security")
public record SecuritySettings(
    List<User> users,
    @DefaultValue("./data/security/users.properties") Path usersFile,
    @DefaultValue("PT5M") Duration credentialCache,
    @DefaultValue Jwt jwt,
    @DefaultValue Cors cors,
    @DefaultValue RateLimit rateLimit) {

  public SecuritySettings {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** A user: name, BCrypt hash of the password ({@code $2a$...}), roles by name. */
  public record User(String name, String passwordHash, List<String> roles) {
    public User {
      roles = roles == null ? List.of() : List.copyOf(roles);
    }
  }

  /**
   * Bearer tokens (OAuth2 resource server). The signature is checked with {@code public-key} (RSA,
   * PEM or base64 X.509), {@code secret} (HMAC-SHA256, at least 32 bytes) or the issuer's {@code
   * jwk-set-uri}; roles come from {@code roles-claim} (a dotted path such as {@code
   * realm_access.roles} reaches into nested claims), the name from {@code principal-claim}.
   */
  public record Jwt(
      boolean enabled,
      String publicKey,
      String secret,
      String jwkSetUri,
      String issuer,
      @DefaultValue("roles") String rolesClaim,
      @DefaultValue("sub") String principalClaim) {}

  /** Origins allowed to call the API from a browser; none by default (CORS closed). */
  public record Cors(
      List<String> allowedOrigins,
      @DefaultValue({"GET", "POST", "DELETE"}) List<String> allowedMethods,
      @DefaultValue("PT1H") Duration maxAge) {
    public Cors {
      allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
  }

  /**
   * Token buckets per principal: {@code write-burst} writes at once, refilled at {@code
   * writes-per-second}; the same for what-if cohesion computations.
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("200") int writeBurst,
      @DefaultValue("100") double writesPerSecond,
      @DefaultValue("20") int whatIfBurst,
      @DefaultValue("2") double whatIfsPerSecond) {}
}
