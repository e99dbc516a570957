package org.entente.standalone.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers a successful name and password check for a while. HTTP Basic sends the password with
 * every request and BCrypt takes tens of milliseconds on purpose: without this, every API call of a
 * script would spend a core on it. The cache key is an HMAC of the password under a key of this
 * process, so the memory holds nothing a password can be read back from; failures are not cached.
 *
 * <p>Concurrent requests with the same credentials that find no valid entry (the first requests of
 * a client that opens many connections, or all of them when the entry expires) wait for one check
 * instead of each computing a BCrypt hash: otherwise 128 clients spend 128 hashes' CPU at once.
 */
final class CachedCredentials implements AuthenticationProvider {

  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Authentication authentication, long expiresNanos) {}

  private final AuthenticationProvider delegate;
  private final long ttlNanos;
  private final SecretKeySpec key;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();

  /** Checks under way, by cache key: a concurrent request with the same key waits for it. */
  private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

  CachedCredentials(AuthenticationProvider delegate, Duration ttl) {
    this.delegate = delegate;
    this.ttlNanos = ttl.toNanos();
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication request) {
    if (ttlNanos <= 0 || !(request.getCredentials() instanceof String password)) {
      return delegate.authenticate(request);
    }
    String cacheKey = request.getName() + '\u0000' + hmac(request.getName() + '\u0000' + password);
    long now = System.nanoTime();
    Entry entry = verified.get(cacheKey);
    if (entry != null && now - entry.expiresNanos() < 0) {
      return entry.authentication();
    }
    CompletableFuture<Authentication> mine = new CompletableFuture<>();
    CompletableFuture<Authentication> running = checking.putIfAbsent(cacheKey, mine);
    if (running != null) {
      return await(running);
    }
    try {
      Authentication result = delegate.authenticate(request);
      if (result != null && result.isAuthenticated()) {
        if (verified.size() >= MAX_ENTRIES) {
          verified.clear();
        }
        verified.put(cacheKey, new Entry(result, System.nanoTime() + ttlNanos));
      }
      mine.complete(result);
      return result;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      checking.remove(cacheKey, mine);
    }
  }

  /** The outcome of the same check made by another request: its answer, or its exception. */
  private static Authentication await(CompletableFuture<Authentication> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
