package org.entente.timeline.live;

import java.time.Instant;
import org.entente.api.audit.TreeHeadIssued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends each signed tree head of the audit log to the live events streams as an SSE event named
 * {@code tree-head} (no id: resuming is unaffected; {@code EventSource.onmessage} ignores it, a
 * client listens with {@code addEventListener("tree-head", …)}). Heads are not replayed on resume:
 * {@code GET /api/audit/head} and the consistency proofs give any later one.
 */
@Component
class LiveTreeHeads {

  static final String EVENT = "tree-head";

  private final LiveHub hub;

  LiveTreeHeads(LiveHub hub) {
    this.hub = hub;
  }

  @EventListener
  void on(TreeHeadIssued head) {
    hub.appendToEventStreams(
        new LiveMessage(LiveKey.START, head.treeSize(), head.json(), Instant.now(), EVENT));
  }
}
