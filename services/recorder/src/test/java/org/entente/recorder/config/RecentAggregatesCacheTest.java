package org.entente.recorder.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentAggregatesCacheTest {

  @Test
  void aRecentEntryOutlivesAGarbageCollectionThatClearsWeakReferences() {
    RecentAggregatesCache cache = new RecentAggregatesCache(2);
    cache.put("a", new StringBuilder("aggregate a"));

    collectGarbage();

    assertThat((Object) cache.get("a")).hasToString("aggregate a");
  }

  @Test
  void aRemovedEntryIsGoneAndNoLongerHeld() {
    RecentAggregatesCache cache = new RecentAggregatesCache(2);
    cache.put("a", new StringBuilder("aggregate a"));

    cache.remove("a");
    collectGarbage();

    assertThat((Object) cache.get("a")).isNull();
  }

  @Test
  void onlyTheMostRecentlyUsedEntriesAreHeld() {
    RecentAggregatesCache cache = new RecentAggregatesCache(2);
    cache.put("a", new StringBuilder("aggregate a"));
    cache.put("b", new StringBuilder("aggregate b"));
    cache.get("a");
    cache.put("c", new StringBuilder("aggregate c"));

    collectGarbage();

    assertThat((Object) cache.get("a")).isNotNull();
    assertThat((Object) cache.get("c")).isNotNull();
    assertThat((Object) cache.get("b")).isNull();
  }

  private static void collectGarbage() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
