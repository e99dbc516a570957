package org.entente.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load: {@code clients} threads each run operations back to back, timing each one. */
public final class Load {

  /** One operation; {@code client} is the thread's number, {@code n} a run-wide counter. */
  @FunctionalInterface
  public interface Op {
    void run(int client, long n) throws Exception;
  }

  /** The outcome of one measured phase. */
  public record Result(
      String phase,
      int clients,
      long ops,
      long errors,
      double seconds,
      long[] latenciesNanos,
      String firstError) {

    public double perSecond() {
      return seconds <= 0 ? 0 : ops / seconds;
    }

    public double p50Millis() {
      return percentileMillis(0.50);
    }

    public double p99Millis() {
      return percentileMillis(0.99);
    }

    public double percentileMillis(double q) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(q * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, index))] / 1e6;
    }
  }

  private final TimeSeries series;

  public Load(TimeSeries series) {
    this.series = series;
  }

  /** Runs until {@code maxOps} operations are done or {@code maxTime} has passed. */
  public Result run(String phase, int clients, long maxOps, Duration maxTime, Op op)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong counter = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = start + maxTime.toNanos();
    List<Future<long[]>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                  long n = counter.getAndIncrement();
                  if (n >= maxOps) {
                    break;
                  }
                  long t0 = System.nanoTime();
                  try {
                    op.run(client, n);
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                    continue;
                  }
                  long latency = System.nanoTime() - t0;
                  series.record(phase, t0 + latency, latency);
                  if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                  }
                  latencies[count++] = latency;
                }
                return Arrays.copyOf(latencies, count);
              }));
    }
    long[] all = new long[0];
    try {
      for (Future<long[]> future : futures) {
        long[] part = future.get();
        long[] merged = Arrays.copyOf(all, all.length + part.length);
        System.arraycopy(part, 0, merged, all.length, part.length);
        all = merged;
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(all);
    return new Result(phase, clients, all.length, errors.get(), seconds, all, firstError.get());
  }
}
