package org.entente.recorder.idempotency;

/** What a request produced: its answer, and whether that answer is a replay of the first one. */
public record IdempotentOutcome(StoredAnswer answer, boolean replayed) {}
