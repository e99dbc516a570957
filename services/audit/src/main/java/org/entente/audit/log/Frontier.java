package org.entente.audit.log;

import java.util.ArrayList;
import java.util.List;
import org.entente.verifier.Merkle;

/**
 * The right edge of a growing tree: the perfect subtrees its size decomposes into (one per set bit,
 * largest first). Appending a leaf merges equal-sized subtrees, reporting each new perfect subtree,
 * and the root folds the edge from the right.
 */
public final class Frontier {

  /** A perfect subtree: level L covers leaves {@code [index·2^L, (index+1)·2^L)}. */
  public record Node(int level, long index, byte[] hash) {}

  private final List<Node> edge;
  private long size;

  private Frontier(List<Node> edge, long size) {
    this.edge = edge;
    this.size = size;
  }

  public static Frontier empty() {
    return new Frontier(new ArrayList<>(), 0);
  }

  /** The frontier of the tree of {@code size} leaves, read from its stored subtrees. */
  public static Frontier of(long size, NodeSource nodes) {
    List<Node> edge = new ArrayList<>();
    long start = 0;
    for (int level = 62; level >= 0; level--) {
      if ((size >> level & 1) == 1) {
        long index = start >> level;
        edge.add(new Node(level, index, nodes.node(level, index)));
        start += 1L << level;
      }
    }
    return new Frontier(edge, size);
  }

  public long size() {
    return size;
  }

  /** Appends a leaf hash; returns the new perfect subtrees, the leaf itself first. */
  public List<Node> append(byte[] leafHash) {
    List<Node> created = new ArrayList<>();
    Node node = new Node(0, size, leafHash);
    created.add(node);
    while ((node.index() & 1) == 1) {
      Node left = edge.remove(edge.size() - 1);
      node =
          new Node(node.level() + 1, node.index() >> 1, Merkle.nodeHash(left.hash(), node.hash()));
      created.add(node);
    }
    edge.add(node);
    size++;
    return created;
  }

  /** MTH of the tree so far. */
  public byte[] root() {
    if (edge.isEmpty()) {
      return Merkle.emptyRoot();
    }
    byte[] root = edge.get(edge.size() - 1).hash();
    for (int i = edge.size() - 2; i >= 0; i--) {
      root = Merkle.nodeHash(edge.get(i).hash(), root);
    }
    return root;
  }
}
