package org.entente.timeline.live;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Which events an events stream carries. {@code actor} and {@code group} keep the history's actor
 * rule: events of the actor's own stream, events naming the id as a JSON string, and every event of
 * an aggregate whose first event named it (a statement's corrections). A group is an actor: its
 * filter keeps the events of and about the group itself.
 *
 * @param types payload types, fully qualified or simple names; empty: all
 */
record EventFilter(Set<String> types, String actor, String group) {

  EventFilter {
    types = types == null ? Set.of() : Set.copyOf(types);
  }

  boolean matches(StoredEvent event) {
    if (!types.isEmpty()
        && types.stream()
            .noneMatch(
                t -> event.payloadType().equals(t) || event.payloadType().endsWith("." + t))) {
      return false;
    }
    return concerns(event, actor) && concerns(event, group);
  }

  private static boolean concerns(StoredEvent event, String id) {
    if (id == null || id.equals(event.aggregateId())) {
      return true;
    }
    byte[] quoted = quote(id);
    return contains(event.payload(), quoted)
        || (event.firstPayload() != null && contains(event.firstPayload(), quoted));
  }

  /** The id as a JSON string (ids are plain: letters, digits, dashes, dots, underscores). */
  private static byte[] quote(String id) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : id.toCharArray()) {
      if (c == '"' || c == '\\') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.append('"').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
