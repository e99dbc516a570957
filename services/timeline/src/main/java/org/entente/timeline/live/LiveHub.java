package org.entente.timeline.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.entente.json.eventstore.CommittedEventsListener;
import org.entente.json.eventstore.ListenerConnections;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The node's live streams. Two tailer threads (events, page rows) read new records gap-safely (one
 * query per batch, whatever the number of clients), woken by the database's NOTIFY or their poll
 * interval, and puts each message in the bounded buffer of every client it concerns; each client
 * has its own writer thread, so a client that does not read holds up nobody but itself.
 *
 * <p>A client resuming with {@code Last-Event-ID} first reads what it missed from the database, up
 * to the tailer's key at the moment it joined (taken under the same lock the tailer publishes
 * under), then its buffered live messages: every message after that key came through the buffer,
 * every one before it from the database, and a client drops any message not after the last it got.
 * Every node tails the database itself, so every node serves every update.
 */
@Component
class LiveHub implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

  /** At most this many messages per write (and flush) to one client. */
  private static final int MAX_WRITE = 256;

  private final LiveStore store;
  private final LiveRenderer renderer;
  private final LiveProperties settings;
  private final DataSource dataSource;
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private final Semaphore permits;
  private final Semaphore replays;
  private final ThreadPoolTaskExecutor writers;
  private final Object eventLock = new Object();
  private final Object rowLock = new Object();
  private final Map<LiveStream, Counter> sent = new EnumMap<>(LiveStream.class);
  private final Map<LiveStream, Timer> lag = new EnumMap<>(LiveStream.class);
  private final Counter dropped;
  private final Counter refused;

  private volatile boolean running;
  private final List<Thread> tailers = new ArrayList<>();
  private LiveKey eventCursor;
  private LiveKey rowCursor;

  LiveHub(
      LiveStore store,
      LiveRenderer renderer,
      LiveProperties settings,
      DataSource dataSource,
      MeterRegistry registry) {
    this.store = store;
    this.renderer = renderer;
    this.settings = settings;
    this.dataSource = dataSource;
    this.permits = new Semaphore(settings.getMaxClients());
    this.replays = new Semaphore(settings.getReplayConcurrency());
    this.writers = new ThreadPoolTaskExecutor();
    writers.setThreadNamePrefix("entente-live-");
    writers.setCorePoolSize(settings.getMaxClients());
    writers.setMaxPoolSize(settings.getMaxClients());
    writers.setQueueCapacity(0);
    writers.setAllowCoreThreadTimeOut(true);
    writers.setDaemon(true);
    writers.initialize();
    for (LiveStream stream : LiveStream.values()) {
      Gauge.builder("entente.live.clients", () -> count(stream))
          .description("live (SSE) clients connected to this node")
          .tag("stream", stream.tag())
          .register(registry);
      sent.put(
          stream,
          Counter.builder("entente.live.messages.sent")
              .description("live messages sent to clients")
              .tag("stream", stream.tag())
              .register(registry));
      lag.put(
          stream,
          Timer.builder("entente.live.lag")
              .description("from storing a record to sending its live message")
              .tag("stream", stream.tag())
              .publishPercentiles(0.5, 0.99, 0.999)
              .register(registry));
    }
    dropped =
        Counter.builder("entente.live.clients.dropped")
            .description("clients closed because they fell too far behind")
            .register(registry);
    refused =
        Counter.builder("entente.live.clients.refused")
            .description("clients refused because every live stream was taken")
            .register(registry);
  }

  /**
   * Opens a stream: joins the client to the tailer's fan-out and starts its writer. {@code
   * lastEventId}: the id of the last message the client got (resume), or null (from now on).
   */
  SseEmitter open(LiveSubscription subscription, Long lastEventId) {
    if (!running) {
      throw new LiveClientsSaturatedException(
          "this node is stopping; retry on another",
          settings.getMaxClients(),
          settings.getRetryAfter());
    }
    if (!permits.tryAcquire()) {
      refused.increment();
      throw new LiveClientsSaturatedException(
          "all " + settings.getMaxClients() + " live streams of this node are in use",
          settings.getMaxClients(),
          settings.getRetryAfter());
    }
    LiveClient client = null;
    try {
      boolean events = subscription.stream().tailsEvents();
      LiveKey from =
          lastEventId == null
              ? null
              : events ? store.eventKeyOf(lastEventId) : store.rowKeyOf(lastEventId);
      // no servlet time-out: the writer ends the stream after max-duration
      SseEmitter emitter = new SseEmitter(0L);
      client = new LiveClient(subscription, emitter, settings.getBufferSize());
      LiveClient joined = client;
      emitter.onCompletion(joined::close);
      emitter.onTimeout(joined::close);
      emitter.onError(e -> joined.close());
      LiveKey head;
      synchronized (events ? eventLock : rowLock) {
        head = events ? eventCursor : rowCursor;
        clients.add(client);
      }
      client.last = from == null ? head : from;
      client.replayUpTo = from == null ? null : head;
      writers.execute(() -> serve(joined));
      return emitter;
    } catch (RuntimeException e) {
      if (client != null) {
        clients.remove(client);
      }
      permits.release();
      if (e instanceof TaskRejectedException) {
        throw new LiveClientsSaturatedException(
            "this node is stopping; retry on another",
            settings.getMaxClients(),
            settings.getRetryAfter());
      }
      throw e;
    }
  }

  /** The client's writer: replay, then live messages and heartbeats until the stream ends. */
  private void serve(LiveClient client) {
    try {
      // commits the response: once a client reads this, it is joined and misses nothing
      client.emitter.send(SseEmitter.event().comment("live"));
      if (client.replayUpTo != null) {
        replay(client);
      }
      long heartbeat = settings.getHeartbeat().toMillis();
      boolean forever = settings.getMaxDuration().isZero();
      long end = System.nanoTime() + settings.getMaxDuration().toNanos();
      while (running && !client.closing() && (forever || System.nanoTime() - end < 0)) {
        if (client.overflowed() && client.isEmpty()) {
          client.emitter.send(
              SseEmitter.event()
                  .name("resume")
                  .id(Long.toString(client.last.position()))
                  .data(Long.toString(client.last.position())));
          break;
        }
        // what has piled up goes out in one write and one flush
        List<LiveMessage> batch = new ArrayList<>();
        if (client.take(batch, MAX_WRITE, heartbeat) == 0) {
          if (!client.overflowed()) {
            client.emitter.send(SseEmitter.event().comment("heartbeat"));
          }
        } else {
          boolean close = batch.removeIf(m -> m == LiveClient.CLOSE);
          deliver(client, batch);
          if (close) {
            break;
          }
        }
      }
      client.emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // the client went away (or its stream already ended)
      log.debug("live client gone: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.emitter.complete();
    } catch (RuntimeException e) {
      log.warn("live stream failed", e);
      client.emitter.completeWithError(e);
    } finally {
      clients.remove(client);
      permits.release();
    }
  }

  /**
   * Writes the messages the client has not passed yet in one write and one flush: their frames,
   * rendered and encoded once per message (no per-client serialization), joined into one item.
   * Spring's message converter flushes after every item, so one item per message would cost a
   * socket write (and a wake-up of the reader) per message and client.
   */
  private void deliver(LiveClient client, List<LiveMessage> messages) throws IOException {
    List<byte[]> frames = new ArrayList<>();
    List<LiveMessage> sending = new ArrayList<>();
    LiveKey last = client.last;
    for (LiveMessage message : messages) {
      if (message.event() != null) {
        frames.add(message.frame());
        continue;
      }
      if (message.key().compareTo(last) <= 0) {
        continue; // already delivered (read from the database while it was also buffered)
      }
      frames.add(message.frame());
      sending.add(message);
      last = message.key();
    }
    if (frames.isEmpty()) {
      return;
    }
    client.emitter.send(
        Set.of(new ResponseBodyEmitter.DataWithMediaType(joined(frames), MediaType.TEXT_PLAIN)));
    client.last = last;
    LiveStream stream = client.subscription.stream();
    sent.get(stream).increment(sending.size());
    Instant now = Instant.now();
    for (LiveMessage message : sending) {
      lag.get(stream).record(Duration.between(message.recordedAt(), now));
    }
  }

  private static byte[] joined(List<byte[]> frames) {
    if (frames.size() == 1) {
      return frames.get(0);
    }
    int length = 0;
    for (byte[] frame : frames) {
      length += frame.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] frame : frames) {
      System.arraycopy(frame, 0, joined, at, frame.length);
      at += frame.length;
    }
    return joined;
  }

  /** Sends what the client missed, from the database, a batch at a time. */
  private void replay(LiveClient client) throws IOException, InterruptedException {
    LiveSubscription subscription = client.subscription;
    int batch = settings.getBatchSize();
    LiveKey after = client.last;
    while (true) {
      List<LiveMessage> messages = new ArrayList<>();
      int read;
      replays.acquire();
      try {
        if (subscription.stream().tailsEvents()) {
          List<StoredEvent> events =
              store.events(after, client.replayUpTo, store.eventBound(), batch);
          read = events.size();
          for (StoredEvent event : events) {
            if (subscription.filter().matches(event)) {
              messages.add(event.message());
            }
          }
          if (read > 0) {
            after = events.get(read - 1).key();
          }
        } else {
          List<PageRow> rows = store.rows(after, client.replayUpTo, subscription.ownerId(), batch);
          read = rows.size();
          messages.addAll(renderer.messages(subscription.stream(), subscription.ownerId(), rows));
          if (read > 0) {
            after = rows.get(read - 1).key();
          }
        }
      } finally {
        replays.release();
      }
      deliver(client, messages);
      if (read < batch) {
        return;
      }
    }
  }

  /**
   * A tailer: polls, then waits for a NOTIFY or the poll interval; reconnects after errors. Events
   * and page rows have one each, so rendering timeline and cohesion messages never holds up events.
   */
  private void tail(Runnable poll) {
    while (running) {
      try (Connection listener = ListenerConnections.open(dataSource)) {
        try (Statement listen = listener.createStatement()) {
          listen.execute("LISTEN " + CommittedEventsListener.CHANNEL);
        }
        PGConnection notifications = listener.unwrap(PGConnection.class);
        while (running) {
          poll.run();
          notifications.getNotifications((int) Math.max(1, settings.getPollInterval().toMillis()));
        }
      } catch (Exception e) {
        if (running) {
          log.warn("live tailer: {}; retrying", e.toString());
          sleep(settings.getPollInterval());
        }
      }
    }
  }

  private void pollEvents() {
    if (count(LiveStream.EVENTS) == 0) {
      synchronized (eventLock) {
        if (count(LiveStream.EVENTS) == 0) {
          // nobody to send them to: skip to the head (a client joining later resumes from the
          // database); spares reading every event of a bulk import
          eventCursor = store.eventHead();
          return;
        }
      }
    }
    while (running) {
      List<StoredEvent> batch =
          store.events(eventCursor, null, store.eventBound(), settings.getBatchSize());
      if (batch.isEmpty()) {
        return;
      }
      synchronized (eventLock) {
        // each client gets the batch's messages for it in one offer (one wake-up of its writer)
        Map<LiveClient, List<LiveMessage>> audience = new LinkedHashMap<>();
        for (StoredEvent event : batch) {
          LiveMessage message = null;
          for (LiveClient client : clients) {
            LiveSubscription s = client.subscription;
            if (s.stream().tailsEvents() && s.filter().matches(event)) {
              if (message == null) {
                message = event.message();
              }
              audience.computeIfAbsent(client, c -> new ArrayList<>()).add(message);
            }
          }
        }
        audience.forEach(this::offer);
        eventCursor = batch.get(batch.size() - 1).key();
      }
      if (batch.size() < settings.getBatchSize()) {
        return;
      }
    }
  }

  private void pollRows() {
    while (running) {
      if (rowClients() == 0) {
        synchronized (rowLock) {
          // (row clients join under this lock: none can join unseen)
          if (rowClients() == 0) {
            rowCursor = store.rowHead();
            return;
          }
        }
      }
      int read;
      // rendering happens under the lock: a client joining meanwhile waits, so it never takes a
      // key whose batch was rendered without it
      synchronized (rowLock) {
        List<PageRow> batch = store.rows(rowCursor, null, null, settings.getBatchSize());
        read = batch.size();
        if (read == 0) {
          return;
        }
        Map<LiveSubscription, List<LiveClient>> audiences = new LinkedHashMap<>();
        for (LiveClient client : clients) {
          LiveSubscription s = client.subscription;
          if (!s.stream().tailsEvents()) {
            audiences
                .computeIfAbsent(
                    new LiveSubscription(s.stream(), s.ownerId(), null), k -> new ArrayList<>())
                .add(client);
          }
        }
        audiences.forEach((audience, listeners) -> publish(audience, listeners, batch));
        rowCursor = batch.get(read - 1).key();
      }
      if (read < settings.getBatchSize()) {
        return;
      }
    }
  }

  private void publish(LiveSubscription audience, List<LiveClient> listeners, List<PageRow> rows) {
    List<LiveMessage> messages;
    try {
      messages = renderer.messages(audience.stream(), audience.ownerId(), rows);
    } catch (RuntimeException e) {
      log.warn(
          "live {} of {} not rendered: {}", audience.stream(), audience.ownerId(), e.toString());
      return;
    }
    if (messages.isEmpty()) {
      return;
    }
    for (LiveClient client : listeners) {
      offer(client, messages);
    }
  }

  /** Appends a message outside the event order (a signed tree head) to every events stream. */
  void appendToEventStreams(LiveMessage message) {
    for (LiveClient client : clients) {
      if (client.subscription.stream().tailsEvents()) {
        offer(client, List.of(message));
      }
    }
  }

  private void offer(LiveClient client, List<LiveMessage> messages) {
    if (!client.offer(messages) && client.firstDrop()) {
      dropped.increment();
      log.info(
          "live client of {} fell {} messages behind: told to resume",
          client.subscription.stream().tag(),
          settings.getBufferSize());
    }
  }

  private int rowClients() {
    int n = 0;
    for (LiveClient client : clients) {
      if (!client.subscription.stream().tailsEvents()) {
        n++;
      }
    }
    return n;
  }

  private int count(LiveStream stream) {
    int n = 0;
    for (LiveClient client : clients) {
      if (client.subscription.stream() == stream) {
        n++;
      }
    }
    return n;
  }

  /** Clients connected now (for tests). */
  int connected() {
    return clients.size();
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
    eventCursor = store.eventHead();
    rowCursor = store.rowHead();
    running = true;
    tailers.add(new Thread(() -> tail(this::pollEvents), "entente-live-events"));
    tailers.add(new Thread(() -> tail(this::pollRows), "entente-live-rows"));
    for (Thread thread : tailers) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Ends every open stream at once (clients resume elsewhere or after the restart with their last
   * id), so the web server's graceful shutdown does not wait for them.
   */
  @Override
  public void stop() {
    running = false;
    for (LiveClient client : clients) {
      client.close();
    }
    for (Thread thread : tailers) {
      try {
        thread.join(settings.getPollInterval().toMillis() + 2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    tailers.clear();
    writers.getThreadPoolExecutor().shutdown();
    try {
      if (!writers.getThreadPoolExecutor().awaitTermination(2, TimeUnit.SECONDS)) {
        writers.getThreadPoolExecutor().shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
