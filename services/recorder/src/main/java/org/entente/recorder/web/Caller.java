package org.entente.recorder.web;

import java.util.HashMap;
import java.util.Map;
import org.entente.api.common.MetadataKeys;

/**
 * Who sends a command and under which correlation id; becomes the metadata of every event the
 * command stores. {@code recordedBy} comes from authentication (or the in-process caller), never
 * from a request body or header. {@code imported} names the file an import came from (its name and
 * SHA-256), for every event the import stores.
 */
public record Caller(String recordedBy, String correlationId, Map<String, String> imported) {

  public static final String ANONYMOUS = "anonymous";

  public Caller {
    imported = imported == null ? Map.of() : Map.copyOf(imported);
  }

  public Caller(String recordedBy, String correlationId) {
    this(recordedBy, correlationId, Map.of());
  }

  /** The same caller, importing the file {@code fileName} (null if unnamed) of this hash. */
  public Caller importing(String fileName, String sha256) {
    Map<String, String> file = new HashMap<>();
    if (fileName != null) {
      file.put(MetadataKeys.IMPORT_FILE, fileName);
    }
    file.put(MetadataKeys.IMPORT_SHA256, sha256);
    return new Caller(recordedBy, correlationId, file);
  }

  Map<String, Object> metaData() {
    Map<String, Object> metaData = new HashMap<>(imported);
    metaData.put(MetadataKeys.RECORDED_BY, recordedBy);
    metaData.put(MetadataKeys.CORRELATION_ID, correlationId);
    return metaData;
  }
}
