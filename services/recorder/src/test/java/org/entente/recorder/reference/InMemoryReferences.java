package org.entente.recorder.reference;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.entente.api.actor.ActorKind;

/**
 * A fake of the event-store lookups for aggregate unit tests: what is "on record" is what the test
 * put here. Ids are shared by all kinds, as in the event store.
 */
public class InMemoryReferences implements References {

  private final Map<String, ActorKind> actors = new HashMap<>();
  private final Map<String, SourceSnapshot> sources = new HashMap<>();
  private final Set<String> events = new HashSet<>();
  private final Set<String> retracted = new HashSet<>();

  public InMemoryReferences actor(String actorId, ActorKind kind) {
    actors.put(actorId, kind);
    return this;
  }

  /** A source registered with this text; null text for one registered without it. */
  public InMemoryReferences source(String sourceId, String text) {
    sources.put(sourceId, new SourceSnapshot(sourceId, text));
    return this;
  }

  public InMemoryReferences event(String eventId) {
    events.add(eventId);
    return this;
  }

  public InMemoryReferences retractedEvent(String eventId) {
    retracted.add(eventId);
    events.add(eventId);
    return this;
  }

  @Override
  public Optional<ActorKind> actorKind(String actorId) {
    return Optional.ofNullable(actors.get(actorId));
  }

  @Override
  public Optional<SourceSnapshot> source(String sourceId) {
    return Optional.ofNullable(sources.get(sourceId));
  }

  @Override
  public EventStanding eventStanding(String eventId) {
    if (retracted.contains(eventId)) {
      return EventStanding.RETRACTED;
    }
    return events.contains(eventId) ? EventStanding.ON_RECORD : EventStanding.UNKNOWN;
  }
}
