package org.entente.timeline.cohesion;

import java.time.Instant;

/** An event of the published language as stored: payload, record time and message id. */
record Recorded(Object payload, Instant recordedAt, String messageId) {}
