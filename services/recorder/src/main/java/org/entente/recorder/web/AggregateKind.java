package org.entente.recorder.web;

import org.entente.api.actor.ActorRegistered;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.source.SourceRegistered;
import org.entente.api.statement.StatementRecorded;
import org.entente.recorder.reference.ReferenceKind;

/** The aggregates commands address, each known by the event that opens its stream. */
public enum AggregateKind {
  ACTOR("actor", ActorRegistered.class),
  SOURCE("source", SourceRegistered.class),
  DIPLOMATIC_EVENT("diplomatic event", DiplomaticEventRecorded.class),
  STATEMENT("statement", StatementRecorded.class);

  private final String noun;
  private final Class<?> openingEvent;

  AggregateKind(String noun, Class<?> openingEvent) {
    this.noun = noun;
    this.openingEvent = openingEvent;
  }

  public String noun() {
    return noun;
  }

  /** The payload type stored for the first event (sequence 0) of such an aggregate. */
  public String openingPayloadType() {
    return openingEvent.getName();
  }

  /** Its kind in {@code aggregate_reference}. */
  public ReferenceKind referenceKind() {
    return ReferenceKind.valueOf(name());
  }
}
