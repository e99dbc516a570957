package org.entente.recorder.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An import's body, read whole into a temporary file before any line is carried out, so that its
 * SHA-256 is known and every event the import stores can carry it. A body that fails while it is
 * read (cut off before its Content-Length) is kept up to the failure, which is raised again when
 * the reader reaches it: the lines before it are carried out, as when the body was streamed.
 */
final class SpooledUpload implements AutoCloseable {

  private final Path file;
  private final String sha256;
  private final long bytes;
  private final IOException failure;

  private SpooledUpload(Path file, String sha256, long bytes, IOException failure) {
    this.file = file;
    this.sha256 = sha256;
    this.bytes = bytes;
    this.failure = failure;
  }

  /** Reads {@code body} to its end (or failure); more than {@code maxBytes} is refused. */
  static SpooledUpload of(InputStream body, long maxBytes) throws IOException {
    Path file = Files.createTempFile("entente-import-", ".ndjson");
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long total = 0;
    IOException failure = null;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          throw new ImportTooLargeException(maxBytes);
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    } catch (ImportTooLargeException e) {
      Files.deleteIfExists(file);
      throw e;
    } catch (IOException e) {
      failure = e;
    }
    return new SpooledUpload(file, HexFormat.of().formatHex(digest.digest()), total, failure);
  }

  String sha256() {
    return sha256;
  }

  long bytes() {
    return bytes;
  }

  /** The body as text; at its end, the failure that cut it off, if one did. */
  Reader reader(Charset charset) throws IOException {
    InputStream content = Files.newInputStream(file);
    if (failure != null) {
      content =
          new SequenceInputStream(
              content,
              new InputStream() {
                @Override
                public int read() throws IOException {
                  throw failure;
                }
              });
    }
    return new InputStreamReader(content, charset);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body is larger than an import may be. */
  static final class ImportTooLargeException extends IOException {
    final long maxBytes;

    ImportTooLargeException(long maxBytes) {
      super("the import is larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }
  }
}
