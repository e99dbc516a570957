package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV exports defuse cells a spreadsheet would run as formulas (OWASP "CSV injection"). */
class CsvFormulaInjectionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\";\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tleading tab",
        "=1"
      })
  void aCellStartingLikeAFormulaBecomesText(String cell) {
    String written = TimelineExport.quote(cell);
    String unquoted =
        written.startsWith("\"")
            ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
            : written;
    assertThat(unquoted).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-3.0", "+4", "-1.5e2", "4.0", "Rutte", "", "a=b", "mark-rutte"})
  void numbersAndOrdinaryTextStayAsTheyAre(String cell) {
    assertThat(TimelineExport.quote(cell)).isEqualTo(cell);
  }

  @org.junit.jupiter.api.Test
  void aDefusedCellIsStillQuotedWhenItHoldsAComma() {
    assertThat(TimelineExport.quote("=A1,B1")).isEqualTo("\"'=A1,B1\"");
  }

  @org.junit.jupiter.api.Test
  void aCarriageReturnAtTheStartIsDefusedAndQuoted() {
    assertThat(TimelineExport.quote("\r=1")).isEqualTo("\"'\r=1\"");
  }
}
