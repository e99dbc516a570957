package org.entente.standalone.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Bearer tokens: the decoder that checks their signature, and the conversion of a token into the
 * principal (its {@code principal-claim}) and roles (its {@code roles-claim}: a list or a
 * space-separated string of role names; names that are not Entente roles are ignored).
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SecuritySettings.Jwt settings;

  JwtRoles(SecuritySettings.Jwt settings) {
    this.settings = settings;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    List<SimpleGrantedAuthority> authorities =
        names(claim(jwt.getClaims(), settings.rolesClaim())).stream()
            .map(Role::parse)
            .flatMap(java.util.Optional::stream)
            .distinct()
            .map(role -> new SimpleGrantedAuthority(role.authority()))
            .toList();
    String name = jwt.getClaimAsString(settings.principalClaim());
    return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name);
  }

  /** The decoder for the configured key: an RSA public key, an HMAC secret or a JWK set URI. */
  static JwtDecoder decoder(SecuritySettings.Jwt settings) {
    NimbusJwtDecoder decoder;
    if (has(settings.publicKey())) {
      decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.publicKey())).build();
    } else if (has(settings.secret())) {
      byte[] secret = settings.secret().getBytes(StandardCharsets.UTF_8);
      if (secret.length < 32) {
        throw new IllegalStateException(
            "entente.security.jwt.secret must have at least 32 bytes for HMAC-SHA256");
      }
      decoder =
          NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
              .macAlgorithm(MacAlgorithm.HS256)
              .build();
    } else if (has(settings.jwkSetUri())) {
      decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
    } else {
      throw new IllegalStateException(
          "entente.security.jwt.enabled needs entente.security.jwt.public-key, .secret or"
              + " .jwk-set-uri");
    }
    decoder.setJwtValidator(
        has(settings.issuer())
            ? JwtValidators.createDefaultWithIssuer(settings.issuer())
            : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault()));
    return decoder;
  }

  static RSAPublicKey rsaPublicKey(String pemOrBase64) {
    String base64 =
        pemOrBase64
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (Exception e) {
      throw new IllegalStateException(
          "entente.security.jwt.public-key is not an RSA public key (PEM or base64 X.509)", e);
    }
  }

  /** A claim by dotted path, e.g. realm_access.roles. */
  private static Object claim(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value;
  }

  private static List<String> names(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> many) {
      many.forEach(item -> names.add(String.valueOf(item)));
    } else if (value instanceof String text) {
      names.addAll(List.of(text.trim().split("[\\s,]+")));
    }
    return names;
  }

  private static boolean has(String value) {
    return value != null && !value.isBlank();
  }
}
