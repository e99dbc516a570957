package org.entente.timeline.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One SSE message, serialized once and shared by every client it goes to.
 *
 * @param key its place in the gap-safe order (clients drop what they have already passed)
 * @param id the SSE id: the event's global index, or the page row's position
 * @param data the JSON
 * @param recordedAt when its source was stored (for the end-to-end lag)
 * @param event the SSE event name of a message outside the stream's order (a signed tree head):
 *     sent without id, so it never moves the client's resume point; null for the stream's own
 * @param frame the message as written on the stream ({@code id:} or {@code event:}, {@code data:}
 *     lines, blank line): rendered and encoded once, not once per client
 */
record LiveMessage(
    LiveKey key, long id, String data, Instant recordedAt, String event, byte[] frame) {

  LiveMessage(LiveKey key, long id, String data, Instant recordedAt) {
    this(key, id, data, recordedAt, null);
  }

  LiveMessage(LiveKey key, long id, String data, Instant recordedAt, String event) {
    this(key, id, data, recordedAt, event, frame(id, event, data));
  }

  private static byte[] frame(long id, String event, String data) {
    // the SSE format: each line of the data on a data: line of its own
    String head = event == null ? "id:" + id : "event:" + event;
    return (head + "\ndata:" + data.replace("\r\n", "\n").replace("\n", "\ndata:") + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
