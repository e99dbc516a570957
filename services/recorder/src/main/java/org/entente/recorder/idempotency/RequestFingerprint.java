package org.entente.recorder.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 over what identifies a request: its parts (method, path, …) and its JSON body in
 * canonical form (object keys sorted, no whitespace), so a retry that merely reorders fields or
 * reformats the body is still the same request.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  public static String of(JsonNode body, String... parts) {
    MessageDigest sha256 = sha256();
    for (String part : parts) {
      sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
    }
    sha256.update(canonical(body).toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha256.digest());
  }

  static JsonNode canonical(JsonNode node) {
    if (node == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        sorted.put(field.getKey(), canonical(field.getValue()));
      }
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      sorted.forEach(result::set);
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> result.add(canonical(element)));
      return result;
    }
    return node;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
