package org.entente.timeline.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import org.entente.api.common.AttributionGrade;

/**
 * FindActorTimeline / FindGroupTimeline: the entries of an actor (or of a group's members during
 * their membership), filtered, in event-time order, after a keyset position.
 *
 * @param scope whose entries: the actor's own, or those of the group and its members
 * @param actorId the actor or group
 * @param from event-time window start (null: open)
 * @param to event-time window end (null: open)
 * @param kinds entry kinds (event kinds, or STATEMENT); empty: all
 * @param role the actor's part in the entry; null: any
 * @param topic a statement topic; null: any
 * @param minGrade at least one source cited with this grade or a stronger one; null: any
 * @param after the last entry of the previous page; null: from the start
 */
public record TimelineQuery(
    Scope scope,
    String actorId,
    TimeBound from,
    TimeBound to,
    Set<String> kinds,
    ActorRole role,
    String topic,
    AttributionGrade minGrade,
    TimelineCursor.After after) {

  public TimelineQuery {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
  }

  /**
   * Which timeline and filters this query asks for, as a short digest (the keyset position {@code
   * after} is not part of it): a page's cursor carries it so that it is not used with other
   * filters.
   */
  public String fingerprint() {
    String canonical =
        String.join(
            "\n",
            scope.name(),
            actorId,
            String.valueOf(from),
            String.valueOf(to),
            String.join(",", new TreeSet<>(kinds)),
            String.valueOf(role),
            String.valueOf(topic),
            String.valueOf(minGrade));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing", e);
    }
  }

  public TimelineQuery startingAfter(TimelineCursor.After next) {
    return new TimelineQuery(scope, actorId, from, to, kinds, role, topic, minGrade, next);
  }

  /** Whose entries a timeline holds. */
  public enum Scope {
    ACTOR,
    GROUP
  }
}
