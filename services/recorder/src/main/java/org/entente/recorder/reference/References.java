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

  /** Whether a diplomatic event is on record, and whether it was retracted since. */
  EventStanding eventStanding(String eventId);

  enum EventStanding {
    UNKNOWN,
    ON_RECORD,
    RETRACTED
  }

  /** What the rules need of a source: its full text when it was registered with one. */
  record SourceSnapshot(String sourceId, String text) {}
}
