package org.entente.timeline.live;

/**
 * Where a message lies in the gap-safe order of its source: the storing transaction (xid8, as
 * text), then the position. Whatever commits later sorts after every key already read.
 */
record LiveKey(String txId, long position) implements Comparable<LiveKey> {

  static final LiveKey START = new LiveKey("0", 0);

  @Override
  public int compareTo(LiveKey other) {
    int byTx =
        Long.compareUnsigned(Long.parseUnsignedLong(txId), Long.parseUnsignedLong(other.txId));
    return byTx != 0 ? byTx : Long.compare(position, other.position);
  }
}
