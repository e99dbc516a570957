package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Bearer tokens signed with a shared HMAC secret; the RSA key is tested in SecuritySurfaceIT. */
class JwtRolesTest {

  private static final String SECRET = "a shared secret of at least 32 bytes, for HS256";

  private static SecuritySettings.Jwt settings(String secret, String rolesClaim) {
    return new SecuritySettings.Jwt(
        true, null, secret, null, "https://issuer.example", rolesClaim, "sub");
  }

  private static String token(String secret, String issuer, Object roles) throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("sam")
            .issuer(issuer)
            .claim("scope_roles", roles)
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @Test
  void aTokenSignedWithTheSecret_givesItsSubjectAndEntenteRoles() throws Exception {
    SecuritySettings.Jwt settings = settings(SECRET, "scope_roles");
    JwtDecoder decoder = JwtRoles.decoder(settings);
    Authentication sam =
        new JwtRoles(settings)
            .convert(
                decoder.decode(
                    token(SECRET, "https://issuer.example", "recorder ANALYST offline_access")));
    assertThat(sam.getName()).isEqualTo("sam");
    assertThat(sam.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_RECORDER", "ROLE_ANALYST");
  }

  @Test
  void anotherSecretOrIssuer_isRefused() throws Exception {
    JwtDecoder decoder = JwtRoles.decoder(settings(SECRET, "scope_roles"));
    String otherSecret = token(SECRET + " but another", "https://issuer.example", List.of("admin"));
    assertThatThrownBy(() -> decoder.decode(otherSecret)).isInstanceOf(JwtException.class);
    String otherIssuer = token(SECRET, "https://elsewhere.example", List.of("admin"));
    assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtException.class);
  }

  @Test
  void aShortSecretOrNoKey_stopsTheStart() {
    assertThatThrownBy(() -> JwtRoles.decoder(settings("short", "roles")))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> JwtRoles.decoder(settings(null, "roles")))
        .hasMessageContaining("public-key");
  }
}
