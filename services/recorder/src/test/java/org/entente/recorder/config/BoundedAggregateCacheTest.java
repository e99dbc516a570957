package org.entente.recorder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

  @Test
  void holdsNoMoreThanItsSize_evictingAsItGoes() {
    BoundedAggregateCache cache = new BoundedAggregateCache(100);

    for (int i = 0; i < 1_000; i++) {
      cache.put("aggregate-" + i, new Object());
    }

    assertThat(cache.size()).isLessThanOrEqualTo(100);
    assertThat((Object) cache.get("aggregate-999")).isNotNull();
  }

  @Test
  void keepsWhatItHolds_whateverTheGarbageCollectorDoes() {
    BoundedAggregateCache cache = new BoundedAggregateCache(10);
    cache.put("kept", new Object());

    System.gc();

    assertThat((Object) cache.get("kept")).isNotNull();
  }

  @Test
  void putIfAbsent_computeIfAbsent_andComputeIfPresent_keepTheirContracts() {
    BoundedAggregateCache cache = new BoundedAggregateCache(10);

    assertThat(cache.putIfAbsent("a", "first")).isTrue();
    assertThat(cache.putIfAbsent("a", "second")).isFalse();
    assertThat((String) cache.computeIfAbsent("a", () -> "third")).isEqualTo("first");
    assertThat((String) cache.computeIfAbsent("b", () -> "made")).isEqualTo("made");
    cache.<String>computeIfPresent("a", value -> value + "+");
    cache.<String>computeIfPresent("absent", value -> "never");

    assertThat((String) cache.get("a")).isEqualTo("first+");
    assertThat(cache.containsKey("absent")).isFalse();
    assertThat(cache.remove("a")).isTrue();
    assertThat(cache.remove("a")).isFalse();
    cache.removeAll();
    assertThat(cache.containsKey("b")).isFalse();
  }

  @Test
  void tellsItsListeners_untilTheyUnregister() {
    BoundedAggregateCache cache = new BoundedAggregateCache(1);
    List<String> heard = new ArrayList<>();
    Registration registration = cache.registerCacheEntryListener(new Recorder(heard));

    cache.put("a", 1);
    cache.put("a", 2);
    cache.get("a");
    cache.remove("a");
    cache.put("b", 1);
    cache.put("c", 1);
    registration.cancel();
    cache.put("d", 1);

    assertThat(heard).startsWith("created a", "updated a", "read a", "removed a");
    assertThat(heard)
        .contains("created b", "created c")
        .containsAnyOf("expired b", "expired c")
        .doesNotContain("created d");
  }

  @Test
  void refusesASizeBelowOne() {
    assertThatThrownBy(() -> new BoundedAggregateCache(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private record Recorder(List<String> heard) implements Cache.EntryListener {
    @Override
    public void onEntryExpired(Object key) {
      heard.add("expired " + key);
    }

    @Override
    public void onEntryRemoved(Object key) {
      heard.add("removed " + key);
    }

    @Override
    public void onEntryUpdated(Object key, Object value) {
      heard.add("updated " + key);
    }

    @Override
    public void onEntryCreated(Object key, Object value) {
      heard.add("created " + key);
    }

    @Override
    public void onEntryRead(Object key, Object value) {
      heard.add("read " + key);
    }

    @Override
    public Object clone() {
      return this;
    }
  }
}
