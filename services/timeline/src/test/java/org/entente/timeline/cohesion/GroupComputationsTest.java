package org.entente.timeline.cohesion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class GroupComputationsTest {

  @Test
  void aSecondComputation_waitsForTheFirst_thenRuns() throws Exception {
    GroupComputations computations = new GroupComputations(1, Duration.ofSeconds(10));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = holding(computations, release);
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> computations.run("eu", () -> "second"));

    Thread.sleep(200);
    assertThat(second).isNotDone();
    release.countDown();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
  }

  @Test
  void aComputationThatWaitedTooLong_isAnswered503WithRetryAfter_andNeverRuns() throws Exception {
    GroupComputations computations = new GroupComputations(1, Duration.ofMillis(100));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> holder = holding(computations, release);
    boolean[] ran = {false};

    assertThatThrownBy(() -> computations.run("eu", () -> ran[0] = true))
        .isInstanceOfSatisfying(
            CohesionBusyException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
              assertThat(e.getBody().getDetail()).contains("eu");
            });
    assertThat(ran[0]).isFalse();
    release.countDown();
    holder.get(5, TimeUnit.SECONDS);
    assertThat(computations.run("eu", () -> "after")).isEqualTo("after");
  }

  @Test
  void refusesNoPermits() {
    assertThatThrownBy(() -> new GroupComputations(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A computation of nato that has taken the permit and holds it until {@code release}. */
  private static CompletableFuture<String> holding(
      GroupComputations computations, CountDownLatch release) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> holder =
        CompletableFuture.supplyAsync(
            () ->
                computations.run(
                    "nato",
                    () -> {
                      started.countDown();
                      await(release);
                      return "first";
                    }));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    return holder;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
