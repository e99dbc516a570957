package org.entente.recorder.web;

/** The request and response headers the API gives meaning to. */
public final class Headers {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String CORRELATION_ID = "X-Correlation-Id";
  public static final String IF_MATCH = "If-Match";

  /** Set on an answer that replays the first answer given under the same Idempotency-Key. */
  public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

  private Headers() {}
}
