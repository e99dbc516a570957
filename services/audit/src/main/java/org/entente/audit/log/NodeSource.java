package org.entente.audit.log;

/** The hashes of the log's perfect subtrees: level 0 the leaves, level L 2^L leaves each. */
public interface NodeSource {

  /** The hash of leaves {@code [index·2^level, (index+1)·2^level)}. */
  byte[] node(int level, long index);
}
