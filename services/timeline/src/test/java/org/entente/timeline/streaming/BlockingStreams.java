package org.entente.timeline.streaming;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Test-only downloads that hold their stream slot and a database connection until released: the
 * stand-in for a client reading a history at one byte a second, without the wait.
 */
@RestController
class BlockingStreams {

  static final AtomicReference<CountDownLatch> RELEASE =
      new AtomicReference<>(new CountDownLatch(0));

  private final StreamingBulkhead bulkhead;
  private final JdbcTemplate jdbc;

  BlockingStreams(StreamingBulkhead bulkhead, JdbcTemplate jdbc) {
    this.bulkhead = bulkhead;
    this.jdbc = jdbc;
  }

  @GetMapping("/test/blocking-stream")
  ResponseEntity<StreamingResponseBody> stream() {
    CountDownLatch release = RELEASE.get();
    StreamingResponseBody body =
        out -> {
          out.write("started\n".getBytes());
          out.flush();
          jdbc.execute(
              (java.sql.Connection connection) -> {
                try {
                  release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return null;
              });
          out.write("done\n".getBytes());
        };
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(bulkhead.guard(body));
  }
}
