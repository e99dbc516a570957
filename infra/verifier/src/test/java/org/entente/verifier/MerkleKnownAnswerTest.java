package org.entente.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers from certificate-transparency's reference test data (testonly/constants.go: the
 * eight leaves, the roots of trees of 1..8 leaves, and the inclusion and consistency proofs below),
 * and a three-leaf tree worked by hand with SHA-256 directly.
 */
class MerkleKnownAnswerTest {

  private static final HexFormat HEX = HexFormat.of();

  static final List<byte[]> LEAVES =
      List.of(
          hex(""),
          hex("00"),
          hex("10"),
          hex("2021"),
          hex("3031"),
          hex("40414243"),
          hex("5051525354555657"),
          hex("606162636465666768696a6b6c6d6e6f"));

  static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  @Test
  void emptyTree_hasTheHashOfNothing() {
    assertThat(HEX.formatHex(Merkle.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void oneLeaf_rootIsTheLeafHash() {
    assertThat(HEX.formatHex(Merkle.leafHash(LEAVES.get(0)))).isEqualTo(ROOTS.get(0));
  }

  @Test
  void threeLeaves_workedByHand() throws Exception {
    byte[] a = sha256(concat(new byte[] {0}, "a".getBytes()));
    byte[] b = sha256(concat(new byte[] {0}, "b".getBytes()));
    byte[] c = sha256(concat(new byte[] {0}, "c".getBytes()));
    byte[] ab = sha256(concat(new byte[] {1}, concat(a, b)));
    byte[] root = sha256(concat(new byte[] {1}, concat(ab, c)));
    // leaf "c" (index 2) of 3: its sibling is the subtree ab
    assertThat(Merkle.verifyInclusion(2, 3, Merkle.leafHash("c".getBytes()), List.of(ab), root))
        .isTrue();
    // leaf "a" (index 0) of 3: b, then c
    assertThat(Merkle.verifyInclusion(0, 3, Merkle.leafHash("a".getBytes()), List.of(b, c), root))
        .isTrue();
    assertThat(Merkle.verifyInclusion(1, 3, Merkle.leafHash("a".getBytes()), List.of(b, c), root))
        .isFalse();
    // the tree of 3 extends the tree of 2 (root ab) by the proof [c]
    assertThat(Merkle.verifyConsistency(2, 3, ab, root, List.of(c))).isTrue();
    assertThat(Merkle.verifyConsistency(2, 3, a, root, List.of(c))).isFalse();
  }

  @Test
  void inclusionProofs_ofTheReferenceData() {
    byte[] root8 = hex(ROOTS.get(7));
    List<byte[]> leaf0 =
        hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    List<byte[]> leaf5 =
        hashes(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(Merkle.verifyInclusion(0, 8, Merkle.leafHash(LEAVES.get(0)), leaf0, root8)).isTrue();
    assertThat(Merkle.verifyInclusion(5, 8, Merkle.leafHash(LEAVES.get(5)), leaf5, root8)).isTrue();
    // a different leaf, index or size does not verify
    assertThat(Merkle.verifyInclusion(5, 8, Merkle.leafHash(LEAVES.get(4)), leaf5, root8))
        .isFalse();
    assertThat(Merkle.verifyInclusion(4, 8, Merkle.leafHash(LEAVES.get(5)), leaf5, root8))
        .isFalse();
    assertThat(Merkle.verifyInclusion(5, 6, Merkle.leafHash(LEAVES.get(5)), leaf5, root8))
        .isFalse();
    assertThat(Merkle.verifyInclusion(8, 8, Merkle.leafHash(LEAVES.get(5)), leaf5, root8))
        .isFalse();
  }

  @Test
  void consistencyProofs_ofTheReferenceData() {
    assertThat(
            Merkle.verifyConsistency(
                1,
                8,
                hex(ROOTS.get(0)),
                hex(ROOTS.get(7)),
                hashes(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")))
        .isTrue();
    List<byte[]> sixToEight =
        hashes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(Merkle.verifyConsistency(6, 8, hex(ROOTS.get(5)), hex(ROOTS.get(7)), sixToEight))
        .isTrue();
    assertThat(
            Merkle.verifyConsistency(
                2,
                5,
                hex(ROOTS.get(1)),
                hex(ROOTS.get(4)),
                hashes(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")))
        .isTrue();
    assertThat(Merkle.verifyConsistency(1, 1, hex(ROOTS.get(0)), hex(ROOTS.get(0)), List.of()))
        .isTrue();
    // another old root (a rewritten history) does not verify
    assertThat(Merkle.verifyConsistency(6, 8, hex(ROOTS.get(4)), hex(ROOTS.get(7)), sixToEight))
        .isFalse();
    assertThat(Merkle.verifyConsistency(5, 8, hex(ROOTS.get(5)), hex(ROOTS.get(7)), sixToEight))
        .isFalse();
  }

  @Test
  void rootsOfTheReferenceData_byTheRfcDefinition() {
    // the verifier's own fold of an inclusion proof reproduces each reference root; here the roots
    // are recomputed with the RFC 6962 definition MTH(D[n]) to pin the hashing
    for (int n = 1; n <= 8; n++) {
      assertThat(HEX.formatHex(mth(LEAVES.subList(0, n))))
          .as("root of %d", n)
          .isEqualTo(ROOTS.get(n - 1));
    }
  }

  /**
   * RFC 6962 section 2.1: MTH(D[n]) = H(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k < n the largest power
   * of 2.
   */
  static byte[] mth(List<byte[]> leaves) {
    if (leaves.size() == 1) {
      return Merkle.leafHash(leaves.get(0));
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return Merkle.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
  }

  static byte[] hex(String hex) {
    return HEX.parseHex(hex);
  }

  static List<byte[]> hashes(String... hex) {
    List<byte[]> list = new ArrayList<>();
    for (String h : hex) {
      list.add(hex(h));
    }
    return list;
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
