package org.entente.api.common;

/** Keys of the metadata every stored event carries. */
public final class MetadataKeys {

  /** The authenticated principal that recorded the fact. */
  public static final String RECORDED_BY = "recordedBy";

  /** When the service learned the fact (record time), ISO-8601. */
  public static final String RECORDED_AT = "recordedAt";

  /** The id of the command that produced the event. */
  public static final String COMMAND_ID = "commandId";

  /** Shared by every message caused by one outside request. */
  public static final String CORRELATION_ID = "correlationId";

  /** The id of the message that directly caused this one. */
  public static final String CAUSATION_ID = "causationId";

  /**
   * The Idempotency-Key the command was sent under (an import line's own key, or the one derived
   * from the import's key), absent when it was sent without one.
   */
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";

  /** On events stored by an import: the name the client gave the imported file, if any. */
  public static final String IMPORT_FILE = "importFile";

  /** On events stored by an import: the SHA-256 (hex) of the whole request body as received. */
  public static final String IMPORT_SHA256 = "importSha256";

  private MetadataKeys() {}
}
