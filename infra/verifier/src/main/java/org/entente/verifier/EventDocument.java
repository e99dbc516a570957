package org.entente.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One stored event as the JSON document the audit log hashes: the same members as a line of {@code
 * GET /api/history}.
 *
 * <pre>
 * { "position": global index, "eventId", "type": payload type, "revision" (only when set),
 *   "aggregateType", "aggregateId", "sequence", "timestamp": the stored text,
 *   "payload": the stored payload JSON, "metadata": the stored metadata JSON ({} when none) }
 * </pre>
 *
 * Its canonical bytes are the document's RFC 8785 form ({@link Jcs}); the leaf hash is {@code
 * SHA-256(0x00 ‖ canonical bytes)}. Payload and metadata are parsed from the stored bytes, so how
 * the server's serializer spaced or ordered them does not matter, but every value in them does.
 */
public final class EventDocument {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventDocument() {}

  /** The document of a row of the event table. */
  public static ObjectNode of(
      long position,
      String eventId,
      String payloadType,
      String revision,
      String aggregateType,
      String aggregateId,
      long sequence,
      String timestamp,
      byte[] payload,
      byte[] metadata) {
    ObjectNode document = JSON.createObjectNode();
    document.put("position", position);
    document.put("eventId", eventId);
    document.put("type", payloadType);
    if (revision != null) {
      document.put("revision", revision);
    }
    document.put("aggregateType", aggregateType);
    document.put("aggregateId", aggregateId);
    document.put("sequence", sequence);
    document.put("timestamp", timestamp);
    document.set("payload", parse(payload));
    document.set("metadata", metadata == null ? JSON.createObjectNode() : parse(metadata));
    return document;
  }

  /** The canonical bytes of an event document. */
  public static byte[] canonicalBytes(JsonNode document) {
    return Jcs.canonicalize(document);
  }

  /** The log's leaf hash of an event document. */
  public static byte[] leafHash(JsonNode document) {
    return Merkle.leafHash(canonicalBytes(document));
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored JSON does not parse", e);
    }
  }
}
