package org.entente.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many SSE clients on {@code /api/live/events}, each noting when each statement's event reaches it.
 * Plain HTTP/1.0 sockets read by two selector threads, bytes scanned without decoding: the clients
 * run on the service's machine, and a thread per client decoding every line into a String cost the
 * benchmark about 0.8 of the two cores at 500 clients and 100 statements/s, which then delayed the
 * service it measured.
 */
final class SseClients implements AutoCloseable {

  private static final byte[] JOINED = ":live".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
  private static final int THREADS = 2;

  private final List<Client> clients = new ArrayList<>();
  private final List<Selector> selectors = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final byte[] marker;
  private volatile boolean open = true;

  /**
   * Opens {@code count} streams; each notes, for statement {@code n < total} (aggregate id {@code
   * prefix + n}), when its event arrived ({@link System#nanoTime()}).
   */
  SseClients(URI base, String path, String prefix, int total, int count) throws IOException {
    this.marker = ("\"aggregateId\":\"" + prefix).getBytes(StandardCharsets.UTF_8);
    byte[] request =
        ("GET "
                + path
                + " HTTP/1.0\r\nHost: "
                + base.getHost()
                + "\r\nAuthorization: "
                + ServiceProcess.AUTHORIZATION
                + "\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    for (int t = 0; t < THREADS; t++) {
      selectors.add(Selector.open());
    }
    for (int c = 0; c < count; c++) {
      SocketChannel channel =
          SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
      ByteBuffer out = ByteBuffer.wrap(request);
      while (out.hasRemaining()) {
        channel.write(out);
      }
      channel.configureBlocking(false);
      Client client = new Client(channel, total);
      clients.add(client);
      Selector selector = selectors.get(c % THREADS);
      channel.register(selector, SelectionKey.OP_READ, client);
    }
    for (Selector selector : selectors) {
      Thread thread = new Thread(() -> read(selector), "bench-sse");
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
  }

  /** True once every client got the stream's first line (it is then joined). */
  boolean allJoined() {
    return clients.stream().allMatch(c -> c.joined);
  }

  /** Each client's arrival times, indexed by statement number (0: never arrived). */
  List<long[]> received() {
    return clients.stream().map(c -> c.received).toList();
  }

  private void read(Selector selector) {
    try {
      while (open) {
        if (selector.select(100) == 0) {
          continue;
        }
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          Client client = (Client) key.attachment();
          if (!client.read(now)) {
            key.cancel();
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      // closed
    }
  }

  @Override
  public void close() throws InterruptedException {
    open = false;
    for (Thread thread : threads) {
      thread.join(5000);
    }
    for (Client client : clients) {
      try {
        client.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Selector selector : selectors) {
      try {
        selector.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** One stream: its bytes since the last complete line, scanned line by line as they arrive. */
  private final class Client {

    final SocketChannel channel;
    final long[] received;
    volatile boolean joined;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    Client(SocketChannel channel, int total) {
      this.channel = channel;
      this.received = new long[total];
    }

    /** Reads what is there; false at the end of the stream. */
    boolean read(long now) throws IOException {
      while (true) {
        if (!buffer.hasRemaining()) {
          ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
          buffer.flip();
          bigger.put(buffer);
          buffer = bigger;
        }
        int n = channel.read(buffer);
        if (n < 0) {
          return false;
        }
        if (n == 0) {
          return true;
        }
        lines(now);
      }
    }

    /** Scans the complete lines in the buffer and keeps the incomplete last one. */
    private void lines(long now) {
      byte[] bytes = buffer.array();
      int end = buffer.position();
      int start = 0;
      for (int i = 0; i < end; i++) {
        if (bytes[i] == '\n') {
          line(bytes, start, i, now);
          start = i + 1;
        }
      }
      System.arraycopy(bytes, start, bytes, 0, end - start);
      buffer.position(end - start);
    }

    private void line(byte[] bytes, int from, int to, long now) {
      if (startsWith(bytes, from, to, JOINED)) {
        joined = true;
        return;
      }
      if (!startsWith(bytes, from, to, DATA)) {
        return;
      }
      int at = indexOf(bytes, from, to, marker);
      if (at < 0) {
        return;
      }
      int n = 0;
      for (int i = at + marker.length; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
        n = n * 10 + (bytes[i] - '0');
      }
      if (n < received.length && received[n] == 0) {
        received[n] = now;
      }
    }
  }

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, int from, int to, byte[] pattern) {
    outer:
    for (int i = from; i <= to - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (bytes[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
