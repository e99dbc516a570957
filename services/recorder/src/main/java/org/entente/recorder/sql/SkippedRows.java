package org.entente.recorder.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows of a multi-row {@code insert ... on conflict do nothing returning key} were skipped,
 * told from the keys it returned. A batched insert's update counts cannot tell: with {@code
 * reWriteBatchedInserts} (on for the service's pools) the driver sends one multi-row statement and
 * answers every row with {@code SUCCESS_NO_INFO}.
 */
public final class SkippedRows {

  private SkippedRows() {}

  /**
   * The positions in {@code keys} whose row was not inserted. A key given twice is inserted once
   * (its first occurrence), as one-row inserts run in order would have done.
   */
  public static List<Integer> of(List<String> keys, Collection<String> returned) {
    Map<String, Integer> unclaimed = new HashMap<>();
    returned.forEach(key -> unclaimed.merge(key, 1, Integer::sum));
    List<Integer> skipped = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Integer left = unclaimed.get(keys.get(i));
      if (left == null || left == 0) {
        skipped.add(i);
      } else {
        unclaimed.put(keys.get(i), left - 1);
      }
    }
    return skipped;
  }
}
