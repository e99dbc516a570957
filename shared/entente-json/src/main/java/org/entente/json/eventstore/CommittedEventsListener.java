package org.entente.json.eventstore;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the event store's reader when any node commits events: the event table's trigger (timeline
 * migration V4_20) sends a NOTIFY on {@value #CHANNEL} with the table's name when a transaction
 * that inserted events commits. Without the trigger (a database holding no read side) nothing
 * arrives and the store polls, as Axon's does.
 */
public class CommittedEventsListener implements SmartLifecycle {

  /** The channel the read side's triggers notify on (also the live streams' tailers'). */
  public static final String CHANNEL = "entente_live";

  private static final Logger log = LoggerFactory.getLogger(CommittedEventsListener.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final CommitAwareEventStore store;
  private final String eventTable;
  private volatile boolean running;
  private Thread thread;

  public CommittedEventsListener(
      DataSource dataSource, CommitAwareEventStore store, String eventTable) {
    this.dataSource = dataSource;
    this.store = store;
    this.eventTable = eventTable;
  }

  private void listen() {
    while (running) {
      try (Connection connection = ListenerConnections.open(dataSource)) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        // (re)connected: whatever was committed meanwhile is looked for now
        store.eventsCommitted();
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = notifications.getNotifications(1000);
          if (received != null && ofEvents(received)) {
            store.eventsCommitted();
          }
        }
      } catch (Exception e) {
        if (running) {
          log.warn("committed-events listener: {}; retrying", e.toString());
          try {
            Thread.sleep(RETRY.toMillis());
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private boolean ofEvents(PGNotification[] received) {
    for (PGNotification notification : received) {
      if (eventTable.equalsIgnoreCase(notification.getParameter())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "entente-committed-events");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      // (it sees the flag within a second: its wait for notifications times out)
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
