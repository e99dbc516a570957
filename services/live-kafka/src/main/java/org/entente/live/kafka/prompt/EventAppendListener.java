package org.entente.live.kafka.prompt;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens for the database's notice that a transaction stored events (channel {@value #CHANNEL},
 * sent by a trigger on the event table when the transaction commits, whichever node or process
 * appended) and tells the {@link PromptEventSource}. A notification comes after the commit, so the
 * events are readable when it arrives. Without a notification for {@code idle}, the source is told
 * anyway (covers a notification lost while reconnecting).
 */
public class EventAppendListener implements SmartLifecycle {

  /** The channel of the trigger {@code entente_live_notify} (migration V4_20). */
  static final String CHANNEL = "entente_live";

  private static final Logger log = LoggerFactory.getLogger(EventAppendListener.class);

  private final DataSource dataSource;
  private final String eventTable;
  private final PromptEventSource source;
  private final Duration idle;
  private volatile boolean running;
  private Thread thread;

  /**
   * @param eventTable the event table's name (the notification's payload is the table's name)
   */
  public EventAppendListener(
      DataSource dataSource, String eventTable, PromptEventSource source, Duration idle) {
    this.dataSource = dataSource;
    this.eventTable = unqualified(eventTable);
    this.source = source;
    this.idle = idle;
  }

  private void listen() {
    int wait = (int) Math.max(1, idle.toMillis());
    while (running) {
      try (Connection connection = connection()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        // anything committed before LISTEN took effect
        source.committed();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = notifications.getNotifications(wait);
          if (received == null || received.length == 0) {
            source.idle();
          } else if (storedEvents(received)) {
            source.committed();
          }
        }
      } catch (Exception e) {
        if (running) {
          log.warn("event append listener: {}; retrying", e.toString());
          source.idle();
          sleep(idle);
        }
      }
    }
  }

  private boolean storedEvents(PGNotification[] received) {
    for (PGNotification notification : received) {
      if (eventTable.equalsIgnoreCase(notification.getParameter())) {
        return true;
      }
    }
    return false;
  }

  /** A connection of its own (a pooled one would be held for good). */
  private Connection connection() throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      return DriverManager.getConnection(
          hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }
    return dataSource.getConnection();
  }

  private static String unqualified(String table) {
    return table.substring(table.lastIndexOf('.') + 1);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "entente-kafka-append-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      try {
        thread.join(idle.toMillis() + 2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
