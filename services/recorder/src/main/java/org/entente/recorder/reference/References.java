package org.entente.recorder.reference;

import java.util.Optional;
import org.entente.api.actor.ActorKind;

/**
 * What a command handler may ask about other aggregates before it decides: whether an actor, source
 * or diplomatic event is on record. Read from the event store, never from a view.
 */
public interface References {

  Optional<ActorKind> actorKind(String actorId);

  Optional<SourceSnapshot> source(String sourceId);

  boolean eventExists(String eventId);

  /** True when the diplomatic event is on record and was retracted since. */
  boolean eventRetracted(String eventId);

  /** What the rules need of a source: its full text when it was registered with one. */
  record SourceSnapshot(String sourceId, String text) {}
}
