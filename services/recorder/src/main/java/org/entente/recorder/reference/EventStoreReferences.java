package org.entente.recorder.reference;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.source.SourceRegistered;
import org.springframework.stereotype.Component;

/**
 * Answers from the first event of an aggregate's stream, which says what the aggregate is. Ids are
 * shared by all aggregate types, so an actor id asked for as a source is simply unknown.
 */
@Component
class EventStoreReferences implements References {

  private final EventStore eventStore;

  EventStoreReferences(EventStore eventStore) {
    this.eventStore = eventStore;
  }

  @Override
  public Optional<ActorKind> actorKind(String actorId) {
    return first(actorId, ActorRegistered.class).map(ActorRegistered::kind);
  }

  @Override
  public Optional<SourceSnapshot> source(String sourceId) {
    return first(sourceId, SourceRegistered.class)
        .map(s -> new SourceSnapshot(s.sourceId(), s.text()));
  }

  @Override
  public EventStanding eventStanding(String eventId) {
    if (eventId == null || eventId.isBlank()) {
      return EventStanding.UNKNOWN;
    }
    DomainEventStream stream = eventStore.readEvents(eventId);
    if (!stream.hasNext() || !(stream.next().getPayload() instanceof DiplomaticEventRecorded)) {
      return EventStanding.UNKNOWN;
    }
    while (stream.hasNext()) {
      if (stream.next().getPayload() instanceof DiplomaticEventRetracted) {
        return EventStanding.RETRACTED;
      }
    }
    return EventStanding.ON_RECORD;
  }

  private <T> Optional<T> first(String aggregateId, Class<T> type) {
    if (aggregateId == null || aggregateId.isBlank()) {
      return Optional.empty();
    }
    DomainEventStream stream = eventStore.readEvents(aggregateId);
    if (!stream.hasNext()) {
      return Optional.empty();
    }
    DomainEventMessage<?> first = stream.next();
    return type.isInstance(first.getPayload())
        ? Optional.of(type.cast(first.getPayload()))
        : Optional.empty();
  }
}
