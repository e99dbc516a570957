package org.entente.recorder.config;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache holding up to a fixed number of aggregates (beyond it, Caffeine evicts the
 * ones least likely to be used again). Axon's {@code WeakReferenceCache} lost an aggregate at the
 * next young collection once no command held it, so a follow-up command (a correction, a
 * membership, a role) read its stream and snapshot again: a fifth of an import's time went to such
 * reads.
 *
 * <p>A cached aggregate is never trusted blindly: every append checks the version it was decided on
 * against {@code aggregate_reference} in the same transaction, so an aggregate another node moved
 * on fails its command with a conflict, which evicts it (Axon on a unit of work's rollback, {@code
 * ReferenceWriter} on a transaction's), and the retry reads the stream.
 */
final class BoundedAggregateCache implements Cache {

  private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
  private final ConcurrentMap<Object, Object> entries;
  private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

  BoundedAggregateCache(long maximumSize) {
    if (maximumSize < 1) {
      throw new IllegalArgumentException("the aggregate cache holds at least one aggregate");
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .removalListener(
                (Object key, Object value, RemovalCause cause) -> {
                  if (key != null && cause.wasEvicted()) {
                    notify(listener -> listener.onEntryExpired(key));
                  }
                })
            .build();
    this.entries = cache.asMap();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    Object value = entries.get(key);
    if (value != null && !listeners.isEmpty()) {
      notify(listener -> listener.onEntryRead(key, value));
    }
    return (V) value;
  }

  @Override
  public void put(Object key, Object value) {
    Object before = entries.put(key, value);
    notifyWritten(key, value, before);
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    boolean added = entries.putIfAbsent(key, value) == null;
    if (added) {
      notifyWritten(key, value, null);
    }
    return added;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    boolean[] created = {false};
    Object value =
        entries.computeIfAbsent(
            key,
            k -> {
              created[0] = true;
              return valueSupplier.get();
            });
    if (created[0] && value != null) {
      notifyWritten(key, value, null);
    }
    return (T) value;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    boolean[] present = {false};
    Object after =
        entries.computeIfPresent(
            key,
            (k, v) -> {
              present[0] = true;
              return update.apply((V) v);
            });
    if (present[0] && after == null) {
      notify(listener -> listener.onEntryRemoved(key));
    } else if (present[0]) {
      notify(listener -> listener.onEntryUpdated(key, after));
    }
  }

  @Override
  public boolean remove(Object key) {
    boolean removed = entries.remove(key) != null;
    if (removed) {
      notify(listener -> listener.onEntryRemoved(key));
    }
    return removed;
  }

  @Override
  public void removeAll() {
    for (Map.Entry<Object, Object> entry : entries.entrySet()) {
      remove(entry.getKey());
    }
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Registration registerCacheEntryListener(EntryListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many aggregates it holds, once pending evictions are done. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  private void notifyWritten(Object key, Object value, Object before) {
    if (before == null) {
      notify(listener -> listener.onEntryCreated(key, value));
    } else {
      notify(listener -> listener.onEntryUpdated(key, value));
    }
  }

  private void notify(Consumer<EntryListener> event) {
    if (!listeners.isEmpty()) {
      listeners.forEach(event);
    }
  }
}
