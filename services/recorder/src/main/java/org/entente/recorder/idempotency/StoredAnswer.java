package org.entente.recorder.idempotency;

import java.util.Map;

/**
 * The answer to a successful request, as remembered under its idempotency key and replayed on a
 * retry: HTTP status, JSON body and the headers that matter to a client (Location, ETag).
 */
public record StoredAnswer(int status, String body, Map<String, String> headers) {

  public StoredAnswer {
    headers = Map.copyOf(headers);
  }
}
