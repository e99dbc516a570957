package org.entente.standalone.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The demo dataset as test code reads it: one JSON object per non-blank line. */
final class DemoDataset {

  static final String RESOURCE = "demo/nato-defence-ministers-2025-02.ndjson";

  private DemoDataset() {}

  static List<JsonNode> lines() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = DemoDataset.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      List<JsonNode> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(json.readTree(line));
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<JsonNode> bodies(String command) {
    return lines().stream()
        .filter(line -> line.get("command").asText().equals(command))
        .map(line -> line.get("body"));
  }
}
