package org.entente.recorder.importing;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads NDJSON lines with bounded memory: a line longer than {@code maxChars} is skipped to its end
 * (its text is never held) and reported as too long. Tells whether each line ended with a newline,
 * so a cut-off last line can be told from a complete one.
 */
final class NdjsonLines {

  /** One line: its text ({@code null} when too long) and whether a newline ended it. */
  record Line(int number, String text, boolean tooLong, boolean terminated) {}

  private final Reader input;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private int number;
  private boolean ended;

  NdjsonLines(Reader input, int maxChars) {
    this.input = input;
    this.maxChars = maxChars;
  }

  /** The number of the line {@link #next()} reads next (1-based). */
  int nextNumber() {
    return number + 1;
  }

  /** The next line, or null at the end of the input. */
  Line next() throws IOException {
    if (ended) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        ended = true;
        if (!any) {
          return null;
        }
        number++;
        return new Line(number, tooLong ? null : stripCarriageReturn(text), tooLong, false);
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        int length = position - start;
        if (text.length() + length > maxChars) {
          tooLong = true;
          text = new StringBuilder();
        } else {
          text.append(buffer, start, length);
        }
      }
      if (position < limit) {
        position++; // the newline
        number++;
        return new Line(number, tooLong ? null : stripCarriageReturn(text), tooLong, true);
      }
    }
  }

  /** Whether more input is at hand without blocking (a batch is answered before waiting). */
  boolean ready() throws IOException {
    return position < limit || input.ready();
  }

  private boolean fill() throws IOException {
    int read = input.read(buffer, 0, buffer.length);
    if (read <= 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  private static String stripCarriageReturn(StringBuilder text) {
    int length = text.length();
    return length > 0 && text.charAt(length - 1) == '\r'
        ? text.substring(0, length - 1)
        : text.toString();
  }
}
