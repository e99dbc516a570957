package org.entente.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignedTreeHeadTest {

  private static final byte[] ROOT =
      HexFormat.of().parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void signedBytes_areRfc6962TreeHeadSignatureLayout() {
    byte[] bytes = SignedTreeHead.signedBytes(8, ROOT, 0x0102030405060708L);
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "0001" + "0102030405060708" + "0000000000000008" + HexFormat.of().formatHex(ROOT));
  }

  @Test
  void aHead_verifiesWithItsKey_andNotAfterAnyChange() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    SignedTreeHead head =
        SignedTreeHead.sign(8, ROOT, 1_700_000_000_000L, keys.getPrivate(), keys.getPublic());
    ObjectMapper json = new ObjectMapper();
    SignedTreeHead read = SignedTreeHead.fromJson(json.readTree(head.toJson(json).toString()));

    assertThat(read.verify(keys.getPublic())).isTrue();
    assertThat(read.keyId()).isEqualTo(PublicKeys.keyId(keys.getPublic()));
    assertThat(read.verify(other.getPublic())).isFalse();
    assertThat(
            new SignedTreeHead(9, ROOT, read.timestamp(), read.keyId(), read.signature())
                .verify(keys.getPublic()))
        .isFalse();
    assertThat(PublicKeys.parse(PublicKeys.pem(keys.getPublic()))).isEqualTo(keys.getPublic());
  }
}
