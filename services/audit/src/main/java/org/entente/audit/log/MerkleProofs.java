package org.entente.audit.log;

import java.util.ArrayList;
import java.util.List;
import org.entente.verifier.Merkle;

/**
 * Roots and proofs of RFC 6962 section 2.1 (MTH, PATH, PROOF/SUBPROOF) over the stored perfect
 * subtrees. The recursion only splits at powers of two, so each range it hashes is either a stored
 * perfect subtree or splits into O(log n) of them.
 */
public final class MerkleProofs {

  private final NodeSource nodes;

  public MerkleProofs(NodeSource nodes) {
    this.nodes = nodes;
  }

  /** MTH(D[0:size]). */
  public byte[] root(long size) {
    return size == 0 ? Merkle.emptyRoot() : hash(0, size);
  }

  /** PATH(index, D[0:size]): the audit path of leaf {@code index}, deepest sibling first. */
  public List<byte[]> inclusion(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, size, path);
    return path;
  }

  /** PROOF(first, D[0:second]): shows the tree of {@code second} extends that of {@code first}. */
  public List<byte[]> consistency(long first, long second) {
    if (first < 0 || first > second) {
      throw new IllegalArgumentException("no proof from " + first + " to " + second);
    }
    List<byte[]> proof = new ArrayList<>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, proof);
    }
    return proof;
  }

  private void path(long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(hash(start + k, end));
    } else {
      path(m - k, start + k, end, out);
      out.add(hash(start, start + k));
    }
  }

  private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        out.add(hash(start, end));
      }
      return;
    }
    long k = Long.highestOneBit(n - 1);
    if (m <= k) {
      subproof(m, start, start + k, complete, out);
      out.add(hash(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(hash(start, start + k));
    }
  }

  /** MTH(D[start:end]). */
  byte[] hash(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && start % n == 0) {
      return nodes.node(Long.numberOfTrailingZeros(n), start / n);
    }
    long k = Long.highestOneBit(n - 1);
    return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
  }
}
