package org.entente.recorder.reference;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every id a command names, its own and those it refers to (a speaker, targets, an event, cited
 * sources, participants): the values of its record components named {@code …Id} or {@code …Ids}, at
 * any depth of the published language's records. A batch reads their reference rows in one round
 * trip instead of one per rule that asks. Walks records generically, as {@code CommandLimits} does,
 * so a new command or field is covered without being listed.
 */
public final class ReferencedIds {

  private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

  private ReferencedIds() {}

  /** Adds the ids {@code command} names to {@code ids}. */
  public static void addTo(Set<String> ids, Object command) {
    walk(command, false, ids, 0);
  }

  private static void walk(Object value, boolean isId, Set<String> ids, int depth) {
    if (value == null || depth > 8) {
      return;
    }
    if (value instanceof String text) {
      if (isId && !text.isBlank()) {
        ids.add(text);
      }
    } else if (value instanceof Collection<?> list) {
      for (Object element : list) {
        walk(element, isId, ids, depth + 1);
      }
    } else if (value instanceof Record record && isPublishedLanguage(record.getClass())) {
      for (RecordComponent component : components(record.getClass())) {
        String name = component.getName();
        try {
          walk(
              component.getAccessor().invoke(record),
              name.endsWith("Id") || name.endsWith("Ids"),
              ids,
              depth + 1);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("a record's accessor is public", e);
        }
      }
    }
  }

  private static boolean isPublishedLanguage(Class<?> type) {
    return type.getName().startsWith("org.entente.");
  }

  private static RecordComponent[] components(Class<?> type) {
    return COMPONENTS.computeIfAbsent(
        type,
        t -> {
          RecordComponent[] components = t.getRecordComponents();
          for (RecordComponent component : components) {
            component.getAccessor().setAccessible(true);
          }
          return components;
        });
  }
}
