package org.entente.standalone.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucket_givesItsCapacity_thenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(3, 2, 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    // two tokens a second: the next one is half a second away
    assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
  }

  @Test
  void tokensComeBackAtTheRate_butNeverBeyondTheCapacity() {
    TokenBucket bucket = new TokenBucket(2, 1, 0);
    bucket.take(0);
    bucket.take(0);
    assertThat(bucket.take(SECOND / 4)).isEqualTo(3 * SECOND / 4);
    assertThat(bucket.take(SECOND)).isZero();
    // an hour idle refills two tokens, not 3600
    assertThat(bucket.take(3600 * SECOND)).isZero();
    assertThat(bucket.take(3600 * SECOND)).isZero();
    assertThat(bucket.take(3600 * SECOND)).isPositive();
  }

  @Test
  void aClockGoingBackwardsAddsNoTokens() {
    TokenBucket bucket = new TokenBucket(1, 1, 10 * SECOND);
    assertThat(bucket.take(10 * SECOND)).isZero();
    assertThat(bucket.take(5 * SECOND)).isPositive();
  }

  @Test
  void aBucketNeedsCapacityAndRate() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
