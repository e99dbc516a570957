package org.entente.timeline.live;

import java.time.Instant;

/**
 * An event read by the tailer: what the filters need, and its JSON (the history's line).
 *
 * @param firstPayload the payload of its aggregate's first event, when this is a later one (a
 *     statement's correction names no actor itself)
 */
record StoredEvent(
    LiveKey key,
    String payloadType,
    String aggregateId,
    byte[] payload,
    byte[] firstPayload,
    Instant recordedAt,
    String json) {

  LiveMessage message() {
    return new LiveMessage(key, key.position(), json, recordedAt);
  }
}
