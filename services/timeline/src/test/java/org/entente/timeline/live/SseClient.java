package org.entente.timeline.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP client of a live stream over a plain socket (HTTP/1.0: the body is the raw event
 * stream, closed by the server at its end), parsing Server-Sent Events as they arrive.
 */
final class SseClient implements AutoCloseable {

  /** One SSE message (comments are not messages). */
  record Message(String id, String event, String data) {}

  /** Marks the end of the stream in {@link #messages}. */
  static final Message END = new Message(null, "end", null);

  private final Socket socket;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final List<String> heartbeats = new java.util.concurrent.CopyOnWriteArrayList<>();
  final int status;

  private SseClient(Socket socket, int status) {
    this.socket = socket;
    this.status = status;
  }

  /** Connects, reads the status and headers; the body is read in a thread of its own. */
  static SseClient open(int port, String path, String lastEventId) {
    return open(port, path, lastEventId, true, 0);
  }

  /**
   * A client that never reads its body ({@code read} false) with a tiny receive buffer: the server
   * soon cannot write to it.
   */
  static Socket openUnread(int port, String path) {
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(1024);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5000);
      request(socket, path, null);
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SseClient open(
      int port, String path, String lastEventId, boolean read, int receiveBuffer) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(60_000);
      request(socket, path, lastEventId);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String statusLine = in.readLine();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      String header;
      while ((header = in.readLine()) != null && !header.isEmpty()) {
        // headers are not needed
      }
      SseClient client = new SseClient(socket, status);
      Thread reader = new Thread(() -> client.read(in), "sse-client");
      reader.setDaemon(true);
      reader.start();
      return client;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void request(Socket socket, String path, String lastEventId) throws IOException {
    OutputStream out = socket.getOutputStream();
    String request =
        "GET "
            + path
            + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
            + "\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Parses the whole body of an unread client once it is read at last. */
  static List<Message> parse(BufferedReader in) throws IOException {
    List<Message> parsed = new ArrayList<>();
    parse(in, parsed::add, line -> {});
    return parsed;
  }

  private void read(BufferedReader in) {
    try {
      parse(in, messages::add, heartbeats::add);
    } catch (IOException e) {
      // closed
    } finally {
      messages.add(END);
    }
  }

  private static void parse(
      BufferedReader in,
      java.util.function.Consumer<Message> messages,
      java.util.function.Consumer<String> comments)
      throws IOException {
    String id = null;
    String event = null;
    StringBuilder data = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          messages.accept(new Message(id, event == null ? "message" : event, data.toString()));
        }
        event = null;
        data = null;
      } else if (line.startsWith(":")) {
        comments.accept(line);
      } else {
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "id" -> id = value;
          case "event" -> event = value;
          case "data" ->
              data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          default -> {}
        }
      }
    }
  }

  /** The next message, or null after {@code timeout}. */
  Message next(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Messages until one matches {@code last} (inclusive), the stream ends or {@code timeout}. */
  List<Message> until(Predicate<Message> last, Duration timeout) {
    List<Message> got = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Message message = next(Duration.ofMillis(200));
      if (message == null) {
        continue;
      }
      got.add(message);
      if (message == END || last.test(message)) {
        break;
      }
    }
    return got;
  }

  /** Every message that arrives within {@code window} (no more expected). */
  List<Message> drain(Duration window) {
    List<Message> got = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      Message message = next(Duration.ofMillis(100));
      if (message != null) {
        got.add(message);
      }
    }
    return got;
  }

  int heartbeats() {
    return heartbeats.size();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
