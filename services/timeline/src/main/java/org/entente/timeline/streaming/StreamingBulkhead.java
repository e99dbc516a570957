package org.entente.timeline.streaming;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.entente.timeline.config.TimelineProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Keeps streaming downloads (the history, timeline exports) from starving everything else.
 *
 * <ul>
 *   <li>At most {@code streaming.max-streams} run at once; one more is refused at once with 503 and
 *       {@code Retry-After} (before any byte is sent), so a crowd of slow readers cannot queue up
 *       behind each other.
 *   <li>They run on their own threads ({@link #executor()}, as many as streams), not on the pool
 *       that serves the asynchronous answers of timeline pages.
 *   <li>While a stream runs, its thread reads from its own small connection pool ({@link
 *       #routing}): a slow reader holds one of those connections, never one that writes,
 *       projections or pages need.
 * </ul>
 *
 * <p>Metrics: {@value #OPEN_METRIC} (gauge), {@value #REFUSED_METRIC} (counter), and the streaming
 * pool's Hikari metrics ({@code hikaricp_connections_*{pool="entente-streaming"}}) once it opened.
 */
public class StreamingBulkhead implements DisposableBean, MeterBinder {

  /** Streaming downloads running now. */
  public static final String OPEN_METRIC = "entente.streams.open";

  /** Streaming downloads refused with 503 since start. */
  public static final String REFUSED_METRIC = "entente.streams.refused";

  /** The name of the streaming connection pool, as its Hikari metrics are tagged. */
  public static final String POOL_NAME = "entente-streaming";

  /** Request attribute: this request's answer is a guarded stream (set by {@link #guard}). */
  static final String STREAM = StreamingBulkhead.class.getName() + ".STREAM";

  private static final ThreadLocal<Boolean> STREAMING = new ThreadLocal<>();

  private final TimelineProperties.Streaming settings;
  private final Semaphore permits;
  private final ThreadPoolTaskExecutor threads;
  private volatile HikariDataSource pool;
  private volatile MeterRegistry registry;
  private volatile Counter refused;

  public StreamingBulkhead(TimelineProperties.Streaming settings) {
    this.settings = settings;
    this.permits = new Semaphore(settings.getMaxStreams());
    this.threads = new ThreadPoolTaskExecutor();
    threads.setThreadNamePrefix("entente-stream-");
    threads.setCorePoolSize(settings.getMaxStreams());
    threads.setMaxPoolSize(settings.getMaxStreams());
    threads.setQueueCapacity(0);
    threads.setAllowCoreThreadTimeOut(true);
    threads.initialize();
  }

  /**
   * Takes a stream slot for this request (or throws {@link StreamsSaturatedException}) and returns
   * the body that gives it back when done. Call it last, once the request is known to be valid.
   */
  public StreamingResponseBody guard(StreamingResponseBody body) {
    if (!permits.tryAcquire()) {
      Counter counter = refused;
      if (counter != null) {
        counter.increment();
      }
      throw new StreamsSaturatedException(settings.getMaxStreams(), settings.getRetryAfter());
    }
    AtomicBoolean released = new AtomicBoolean();
    Runnable release =
        () -> {
          if (released.compareAndSet(false, true)) {
            permits.release();
          }
        };
    RequestContextHolder.currentRequestAttributes()
        .setAttribute(STREAM, release, RequestAttributes.SCOPE_REQUEST);
    return out -> {
      STREAMING.set(true);
      try {
        body.writeTo(out);
      } finally {
        STREAMING.remove();
        release.run();
      }
    };
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    Gauge.builder(OPEN_METRIC, this, StreamingBulkhead::activeStreams)
        .description("Streaming downloads (history, exports) running now")
        .register(meterRegistry);
    refused =
        Counter.builder(REFUSED_METRIC)
            .description("Streaming downloads refused with 503 because every slot was taken")
            .register(meterRegistry);
    registry = meterRegistry;
  }

  /** Streams now running (for tests and metrics). */
  public int activeStreams() {
    return settings.getMaxStreams() - permits.availablePermits();
  }

  /**
   * The executor for Spring MVC's asynchronous answers: a guarded stream's body goes to the
   * streaming threads, everything else (timeline pages) to {@code general}.
   */
  AsyncTaskExecutor executor(AsyncTaskExecutor general) {
    return new AsyncTaskExecutor() {
      @Override
      public void execute(Runnable task) {
        submit(task);
      }

      @Override
      public Future<?> submit(Runnable task) {
        Runnable release = streamRelease();
        if (release == null) {
          return general.submit(task);
        }
        try {
          return threads.submit(task);
        } catch (TaskRejectedException e) {
          release.run();
          throw e;
        }
      }

      @Override
      public <T> Future<T> submit(Callable<T> task) {
        Runnable release = streamRelease();
        if (release == null) {
          return general.submit(task);
        }
        try {
          return threads.submit(task);
        } catch (TaskRejectedException e) {
          release.run();
          throw e;
        }
      }
    };
  }

  private static Runnable streamRelease() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request == null
        ? null
        : (Runnable) request.getAttribute(STREAM, RequestAttributes.SCOPE_REQUEST);
  }

  /**
   * Wraps the application's DataSource: on a streaming thread, connections come from the streaming
   * pool (a copy of the application's Hikari settings, {@code streaming.pool-size} connections,
   * {@code streaming.connection-timeout} to get one), opened on first use; elsewhere from the
   * application's pool as before.
   */
  static DataSource routing(DataSource application, Supplier<StreamingBulkhead> bulkhead) {
    return new DelegatingDataSource(application) {
      @Override
      public Connection getConnection() throws SQLException {
        return STREAMING.get() != null
            ? bulkhead.get().streamingPool(application).getConnection()
            : application.getConnection();
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return STREAMING.get() != null
            ? bulkhead.get().streamingPool(application).getConnection(username, password)
            : application.getConnection(username, password);
      }
    };
  }

  private DataSource streamingPool(DataSource application) throws SQLException {
    HikariDataSource current = pool;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (pool == null) {
        HikariDataSource main = application.unwrap(HikariDataSource.class);
        HikariDataSource streaming = new HikariDataSource();
        main.copyStateTo(streaming);
        streaming.setPoolName(POOL_NAME);
        streaming.setMaximumPoolSize(settings.getPoolSize());
        streaming.setMinimumIdle(0);
        streaming.setConnectionTimeout(settings.getConnectionTimeout().toMillis());
        streaming.setReadOnly(true);
        MeterRegistry meters = registry;
        if (meters != null
            && streaming.getMetricRegistry() == null
            && streaming.getMetricsTrackerFactory() == null) {
          streaming.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
        pool = streaming;
      }
      return pool;
    }
  }

  /** The streaming pool, once opened (for tests). */
  HikariDataSource pool() {
    return pool;
  }

  @Override
  public void destroy() {
    threads.shutdown();
    HikariDataSource current = pool;
    if (current != null) {
      current.close();
    }
  }
}
