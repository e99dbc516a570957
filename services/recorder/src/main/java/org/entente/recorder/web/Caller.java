package org.entente.recorder.web;

import java.util.Map;
import org.entente.api.common.MetadataKeys;

/**
 * Who sends a command and under which correlation id; becomes the metadata of every event the
 * command stores. {@code recordedBy} comes from authentication (or the in-process caller), never
 * from a request body.
 */
public record Caller(String recordedBy, String correlationId) {

  public static final String ANONYMOUS = "anonymous";

  Map<String, Object> metaData() {
    return Map.of(MetadataKeys.RECORDED_BY, recordedBy, MetadataKeys.CORRELATION_ID, correlationId);
  }
}
