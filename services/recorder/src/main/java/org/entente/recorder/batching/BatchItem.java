package org.entente.recorder.batching;

import org.entente.recorder.idempotency.IdempotencyRequest;
import org.entente.recorder.web.Caller;
import org.entente.recorder.web.CommandSpec;

/** One mapped command for a batch; {@code keyed} is null without an idempotency key. */
public record BatchItem(
    CommandSpec spec, Object command, Caller caller, IdempotencyRequest keyed) {}
