package org.entente.recorder.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void fingerprint_ignoresFieldOrderAndWhitespace() throws Exception {
    JsonNode a = json.readTree("{\"b\":1,\"a\":{\"y\":[1,2],\"x\":null}}");
    JsonNode b = json.readTree("{ \"a\" : { \"x\":null, \"y\":[1, 2] }, \"b\" : 1 }");

    assertThat(RequestFingerprint.of(a, "POST", "/api/actors"))
        .isEqualTo(RequestFingerprint.of(b, "POST", "/api/actors"))
        .hasSize(64);
  }

  @Test
  void fingerprint_differs_whenValuesArrayOrderOrPartsDiffer() throws Exception {
    JsonNode body = json.readTree("{\"a\":[1,2]}");

    String original = RequestFingerprint.of(body, "POST", "/api/actors");
    assertThat(RequestFingerprint.of(json.readTree("{\"a\":[2,1]}"), "POST", "/api/actors"))
        .isNotEqualTo(original);
    assertThat(RequestFingerprint.of(json.readTree("{\"a\":[1,3]}"), "POST", "/api/actors"))
        .isNotEqualTo(original);
    assertThat(RequestFingerprint.of(body, "POST", "/api/sources")).isNotEqualTo(original);
    assertThat(RequestFingerprint.of(body, "POST", "/api/actors", "\"1\"")).isNotEqualTo(original);
  }

  @Test
  void partsAreSeparated_soShiftingTextBetweenThemChangesTheFingerprint() throws Exception {
    JsonNode body = json.readTree("{}");

    assertThat(RequestFingerprint.of(body, "ab", "c"))
        .isNotEqualTo(RequestFingerprint.of(body, "a", "bc"));
  }
}
