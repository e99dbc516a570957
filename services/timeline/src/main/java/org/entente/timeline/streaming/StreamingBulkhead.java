package org.entente.timeline.streaming;

import com.zaxxer.hikari.HikariDataSource;
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
 */
public class StreamingBulkhead implements DisposableBean {

  /** Request attribute: this request's answer is a guarded stream (set by {@link #guard}). */
  static final String STREAM = StreamingBulkhead.class.getName() + ".STREAM";

  private static final ThreadLocal<Boolean> STREAMING = new ThreadLocal<>();

  private final TimelineProperties.Streaming settings;
  private final Semaphore permits;
  private final ThreadPoolTaskExecutor threads;
  private volatile HikariDataSource pool;

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
        streaming.setPoolName("entente-streaming");
        streaming.setMaximumPoolSize(settings.getPoolSize());
        streaming.setMinimumIdle(0);
        streaming.setConnectionTimeout(settings.getConnectionTimeout().toMillis());
        streaming.setReadOnly(true);
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
