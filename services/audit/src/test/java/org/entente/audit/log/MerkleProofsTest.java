package org.entente.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.entente.verifier.Merkle;
import org.junit.jupiter.api.Test;

/**
 * The log's roots and proofs against certificate-transparency's reference data (testonly/
 * constants.go), and every proof of every small tree against the verifier's checks.
 */
class MerkleProofsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final List<String> LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  /** An in-memory log: the perfect subtrees the frontier creates, as the database stores them. */
  private static final class MemoryLog implements NodeSource {
    final Map<String, byte[]> nodes = new HashMap<>();
    final Frontier frontier = Frontier.empty();

    void append(byte[] leaf) {
      for (Frontier.Node node : frontier.append(Merkle.leafHash(leaf))) {
        nodes.put(node.level() + "/" + node.index(), node.hash());
      }
    }

    @Override
    public byte[] node(int level, long index) {
      byte[] hash = nodes.get(level + "/" + index);
      if (hash == null) {
        throw new IllegalStateException("no node " + level + "/" + index);
      }
      return hash;
    }
  }

  private static MemoryLog referenceLog() {
    MemoryLog log = new MemoryLog();
    LEAVES.forEach(leaf -> log.append(HEX.parseHex(leaf)));
    return log;
  }

  @Test
  void roots_ofTheReferenceData_fromStoredSubtreesAndFromTheFrontier() {
    MemoryLog log = new MemoryLog();
    for (int n = 1; n <= 8; n++) {
      log.append(HEX.parseHex(LEAVES.get(n - 1)));
      assertThat(HEX.formatHex(log.frontier.root()))
          .as("frontier root %d", n)
          .isEqualTo(ROOTS.get(n - 1));
      assertThat(HEX.formatHex(new MerkleProofs(log).root(n)))
          .as("root %d", n)
          .isEqualTo(ROOTS.get(n - 1));
      assertThat(HEX.formatHex(Frontier.of(n, log).root())).isEqualTo(ROOTS.get(n - 1));
    }
  }

  @Test
  void inclusionProofs_ofTheReferenceData() {
    MerkleProofs proofs = new MerkleProofs(referenceLog());
    assertThat(hex(proofs.inclusion(0, 8)))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(proofs.inclusion(5, 8)))
        .containsExactly(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(proofs.inclusion(0, 1)).isEmpty();
  }

  @Test
  void consistencyProofs_ofTheReferenceData() {
    MerkleProofs proofs = new MerkleProofs(referenceLog());
    assertThat(hex(proofs.consistency(1, 8)))
        .containsExactly(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertThat(hex(proofs.consistency(6, 8)))
        .containsExactly(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertThat(hex(proofs.consistency(2, 5)))
        .containsExactly(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertThat(proofs.consistency(8, 8)).isEmpty();
  }

  @Test
  void everyProofOfEverySmallTree_verifies_andNotForAnotherLeaf() {
    MemoryLog log = new MemoryLog();
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      byte[] leaf = ("leaf " + i).getBytes();
      leaves.add(leaf);
      log.append(leaf);
    }
    MerkleProofs proofs = new MerkleProofs(log);
    for (long n = 1; n <= 70; n++) {
      byte[] root = proofs.root(n);
      for (long m = 0; m < n; m++) {
        byte[] leafHash = Merkle.leafHash(leaves.get((int) m));
        assertThat(Merkle.verifyInclusion(m, n, leafHash, proofs.inclusion(m, n), root))
            .as("leaf %d of %d", m, n)
            .isTrue();
        long other = (m + 1) % n;
        if (other != m) {
          assertThat(
                  Merkle.verifyInclusion(
                      m, n, Merkle.leafHash(leaves.get((int) other)), proofs.inclusion(m, n), root))
              .isFalse();
        }
      }
      for (long m = 0; m <= n; m++) {
        assertThat(Merkle.verifyConsistency(m, n, proofs.root(m), root, proofs.consistency(m, n)))
            .as("%d to %d", m, n)
            .isTrue();
        if (m > 0 && m < n) {
          assertThat(
                  Merkle.verifyConsistency(
                      m,
                      n,
                      Merkle.leafHash("rewritten".getBytes()),
                      root,
                      proofs.consistency(m, n)))
              .isFalse();
        }
      }
    }
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }
}
