package org.entente.timeline.live;

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
 */
record LiveMessage(LiveKey key, long id, String data, Instant recordedAt, String event) {

  LiveMessage(LiveKey key, long id, String data, Instant recordedAt) {
    this(key, id, data, recordedAt, null);
  }
}
