package org.entente.recorder.reference;

import java.util.Map;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.source.SourceRegistered;
import org.entente.api.statement.StatementRecorded;

/** What an aggregate is, known by the event that opens its stream. */
public enum ReferenceKind {
  ACTOR,
  SOURCE,
  DIPLOMATIC_EVENT,
  STATEMENT,
  /** Opened by an event the recorder does not know (never by its own aggregates). */
  OTHER;

  private static final Map<Class<?>, ReferenceKind> BY_OPENING_EVENT =
      Map.of(
          ActorRegistered.class, ACTOR,
          SourceRegistered.class, SOURCE,
          DiplomaticEventRecorded.class, DIPLOMATIC_EVENT,
          StatementRecorded.class, STATEMENT);

  static ReferenceKind openedBy(Object payload) {
    return BY_OPENING_EVENT.getOrDefault(payload.getClass(), OTHER);
  }
}
