package org.entente.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785's own examples (sections 3.2.2.3 and 3.2.3, appendix B). */
class JcsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "-0, 0",
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "333333333.33333329, 333333333.3333333",
    "1E30, 1e+30",
    "4.50, 4.5",
    "2e-3, 0.002",
    "0.000000000000000000000000001, 1e-27",
    "-5.0, -5",
    "9007199254740992, 9007199254740992",
    "295147905179352830000, 295147905179352830000",
    "1e-7, 1e-7",
    "0.000001, 0.000001",
    "5e-324, 5e-324",
    "-1.7976931348623157e308, -1.7976931348623157e+308"
  })
  void numbers_asEcmaScriptPrintsThem(String json, String canonical) throws Exception {
    assertThat(new String(Jcs.canonicalize(JSON.readTree(json)), StandardCharsets.UTF_8))
        .isEqualTo(canonical);
  }

  @Test
  void rfc8785_section3_2_2_example() throws Exception {
    String input =
        "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(new String(Jcs.canonicalize(JSON.readTree(input)), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }

  @Test
  void members_sortedByUtf16CodeUnits() throws Exception {
    // RFC 8785 section 3.2.3: "\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"
    String input =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
            + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
            + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String canonical = new String(Jcs.canonicalize(JSON.readTree(input)), StandardCharsets.UTF_8);
    assertThat(canonical)
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small"
                + " Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning"
                + " Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void sameDocument_sameBytes_whateverTheSpacingAndOrder() throws Exception {
    assertThat(Jcs.canonicalize(JSON.readTree("{ \"b\" : 2.0, \"a\" : [1, {\"y\":1,\"x\":0}] }")))
        .isEqualTo(Jcs.canonicalize(JSON.readTree("{\"a\":[1,{\"x\":0,\"y\":1e0}],\"b\":2}")));
  }
}
