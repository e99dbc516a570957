package org.entente.recorder.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.caching.WeakReferenceCache;

/**
 * Axon's weak-reference aggregate cache that also holds the {@code capacity} most recently used
 * entries strongly. A weak entry only referenced by the cache is gone at the next young GC, which
 * an import's allocation rate brings every few commands: a follow-up command (a correction, a role)
 * then read and replayed its aggregate's whole stream (two queries) every time. Evictions on
 * rollback still go through {@link #remove}, so no entry outlives events that were not stored.
 */
final class RecentAggregatesCache extends WeakReferenceCache {

  private final Map<Object, Object> recent;

  RecentAggregatesCache(int capacity) {
    this.recent =
        new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public <K, V> V get(K key) {
    V value = super.get(key);
    if (value != null) {
      synchronized (recent) {
        recent.get(key); // most recently used now
      }
    }
    return value;
  }

  @Override
  public void put(Object key, Object value) {
    super.put(key, value);
    hold(key, value);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    boolean put = super.putIfAbsent(key, value);
    if (put) {
      hold(key, value);
    }
    return put;
  }

  @Override
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    T value = super.computeIfAbsent(key, valueSupplier);
    hold(key, value);
    return value;
  }

  @Override
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    super.computeIfPresent(key, update);
    hold(key, super.get(key));
  }

  @Override
  public boolean remove(Object key) {
    synchronized (recent) {
      recent.remove(key);
    }
    return super.remove(key);
  }

  @Override
  public void removeAll() {
    synchronized (recent) {
      recent.clear();
    }
    super.removeAll();
  }

  private void hold(Object key, Object value) {
    synchronized (recent) {
      if (value == null) {
        recent.remove(key);
      } else {
        recent.put(key, value);
      }
    }
  }
}
