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
 * @param frame the message as written on the stream ({@code id:}, {@code data:} lines, blank line):
 *     rendered and encoded once, not once per client
 */
record LiveMessage(LiveKey key, long id, String data, Instant recordedAt, byte[] frame) {

  LiveMessage(LiveKey key, long id, String data, Instant recordedAt) {
    this(key, id, data, recordedAt, frame(id, data));
  }

  private static byte[] frame(long id, String data) {
    // the SSE format: each line of the data on a data: line of its own
    return ("id:" + id + "\ndata:" + data.replace("\r\n", "\n").replace("\n", "\ndata:") + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
