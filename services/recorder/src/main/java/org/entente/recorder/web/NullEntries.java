package org.entente.recorder.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds null entries the command records cannot hold. Their constructors copy lists and maps with
 * {@code List.copyOf}/{@code Map.copyOf}, which throw a bare NullPointerException on a null entry;
 * found here first, the problem names the entry ({@code targetIds[1]}, {@code
 * externalIds[wikidata]}) in the form bean validation uses.
 */
final class NullEntries {

  private NullEntries() {}

  /** The path of the first null element of any array in the document. */
  static Optional<String> firstInArrays(JsonNode node) {
    return inArrays(node, "");
  }

  /**
   * The path of the first null value of an object nested in {@code record}: a map entry, as
   * records' own optional fields sit at the top level. Used only once constructing the record has
   * failed on a null, so a null optional field of a nested record is not misreported otherwise.
   */
  static Optional<String> firstInNestedObjects(JsonNode record, String recordPath) {
    for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isObject()) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = field.getValue().fields();
          entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (entry.getValue().isNull()) {
          return Optional.of(join(recordPath, field.getKey()) + "[" + entry.getKey() + "]");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inArrays(JsonNode node, String path) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = path + "[" + i + "]";
        if (node.get(i).isNull()) {
          return Optional.of(at);
        }
        Optional<String> nested = inArrays(node.get(i), at);
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Optional<String> nested = inArrays(field.getValue(), join(path, field.getKey()));
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
