package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class CachedCredentialsTest {

  /** A slow password check that counts its calls and accepts one password. */
  private static final class SlowCheck implements AuthenticationProvider {
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public Authentication authenticate(Authentication request) {
      calls.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!"right".equals(request.getCredentials())) {
        throw new BadCredentialsException("bad");
      }
      return UsernamePasswordAuthenticationToken.authenticated(
          request.getName(), null, AuthorityUtils.createAuthorityList("ROLE_RECORDER"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return true;
    }
  }

  private static UsernamePasswordAuthenticationToken login(String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
  }

  @Test
  void concurrentRequestsWithTheSameCredentials_shareOneCheck_andLaterOnesUseTheCache()
      throws Exception {
    SlowCheck check = new SlowCheck();
    CachedCredentials cached = new CachedCredentials(check, Duration.ofMinutes(5));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Authentication>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> cached.authenticate(login("right"))));
      }
      // let every request reach the provider before the first check ends
      Thread.sleep(300);
      check.release.countDown();
      for (Future<Authentication> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
      }
      assertThat(check.calls).hasValue(1);
      assertThat(cached.authenticate(login("right")).isAuthenticated()).isTrue();
      assertThat(check.calls).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedCheckIsNotCached() {
    SlowCheck check = new SlowCheck();
    check.release.countDown();
    CachedCredentials cached = new CachedCredentials(check, Duration.ofMinutes(5));
    assertThatThrownBy(() -> cached.authenticate(login("wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> cached.authenticate(login("wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThat(check.calls).hasValue(2);
  }
}
