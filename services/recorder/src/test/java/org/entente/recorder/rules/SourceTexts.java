package org.entente.recorder.rules;

import org.entente.api.common.Excerpt;

/** Source texts for tests, and excerpts into them counted in code points like the rules do. */
public final class SourceTexts {

  /**
   * Dutch, with a flag emoji (two code points, four UTF-16 chars) before the quotes, so offsets
   * counted in chars and in code points differ.
   */
  public static final String NOS =
      "Hegseth \uD83C\uDDFA\uD83C\uDDF8 zei in Brussel: \"Wij zijn een trotse NAVO-lid.\""
          + " Kallas sprak van een vuile deal. Volgens NAVO-bronnen sprak Rutte de Amerikaan aan.";

  private SourceTexts() {}

  /** The excerpt of the first occurrence of {@code quote} in {@code text}, with the quote. */
  public static Excerpt excerpt(String text, String quote) {
    int charIndex = text.indexOf(quote);
    if (charIndex < 0) {
      throw new IllegalArgumentException("not in the text: " + quote);
    }
    int start = text.codePointCount(0, charIndex);
    return new Excerpt(start, start + quote.codePointCount(0, quote.length()), quote);
  }

  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
