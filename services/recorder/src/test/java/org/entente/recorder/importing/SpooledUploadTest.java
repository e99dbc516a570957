package org.entente.recorder.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpooledUploadTest {

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theWholeBody_isHashed_andReadBackAsItCame() throws Exception {
    byte[] body = "{\"a\":1}\n{\"b\":\"ä\"}\n".getBytes(StandardCharsets.UTF_8);
    try (SpooledUpload upload = SpooledUpload.of(new ByteArrayInputStream(body), 1024);
        BufferedReader reader = new BufferedReader(upload.reader(StandardCharsets.UTF_8))) {
      assertThat(upload.sha256()).isEqualTo(sha256(body));
      assertThat(upload.bytes()).isEqualTo(body.length);
      assertThat(reader.readLine()).isEqualTo("{\"a\":1}");
      assertThat(reader.readLine()).isEqualTo("{\"b\":\"ä\"}");
      assertThat(reader.readLine()).isNull();
    }
  }

  @Test
  void aBodyCutOff_isKeptUpToTheCut_andTheFailureComesAtItsEnd() throws Exception {
    byte[] received = "{\"a\":1}\n{\"b\"".getBytes(StandardCharsets.UTF_8);
    InputStream cut =
        new SequenceInputStream(
            new ByteArrayInputStream(received),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });
    try (SpooledUpload upload = SpooledUpload.of(cut, 1024);
        BufferedReader reader = new BufferedReader(upload.reader(StandardCharsets.UTF_8))) {
      assertThat(upload.sha256()).isEqualTo(sha256(received));
      assertThat(reader.readLine()).isEqualTo("{\"a\":1}");
      assertThatThrownBy(reader::readLine).hasMessage("connection reset");
    }
  }

  @Test
  void aBodyOverTheLimit_isRefusedWhole() {
    assertThatThrownBy(() -> SpooledUpload.of(new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(SpooledUpload.ImportTooLargeException.class)
        .hasMessageContaining("1024 bytes");
  }
}
