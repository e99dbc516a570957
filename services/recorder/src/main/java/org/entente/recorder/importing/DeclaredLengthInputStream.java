package org.entente.recorder.importing;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails instead of ending when the body ends before its declared Content-Length: a cut-off upload
 * must not look complete.
 */
final class DeclaredLengthInputStream extends FilterInputStream {

  private final long declared;
  private long read;

  /** {@code declared} is -1 when the request has no Content-Length (chunked). */
  DeclaredLengthInputStream(InputStream in, long declared) {
    super(in);
    this.declared = declared;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      checkComplete();
    } else {
      read++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      checkComplete();
    } else {
      read += n;
    }
    return n;
  }

  private void checkComplete() throws IOException {
    if (declared >= 0 && read < declared) {
      throw new EOFException(
          "the body ended after " + read + " of its " + declared + " bytes (Content-Length)");
    }
  }
}
