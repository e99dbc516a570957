package org.entente.timeline.cohesion;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.entente.api.actor.ActorEvent;
import org.entente.api.common.MetadataKeys;
import org.entente.api.event.DiplomaticEventEvent;
import org.entente.api.statement.StatementEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the cohesion tables (actors, memberships, roles, versions of statements and events) on the
 * pooled streaming processor "cohesion"; its token is committed in the same transaction as the
 * rows. Record time is the event's {@code recordedAt} metadata, or its storage time when it has
 * none.
 */
@Component
@ProcessingGroup(CohesionProjection.PROCESSING_GROUP)
class CohesionProjection {

  static final String PROCESSING_GROUP = "cohesion";

  private final CohesionProjector projector;

  CohesionProjection(CohesionProjector projector) {
    this.projector = projector;
  }

  @EventHandler
  void on(
      ActorEvent event,
      @MessageIdentifier String messageId,
      @MetaDataValue(MetadataKeys.RECORDED_AT) String recordedAt,
      @Timestamp Instant storedAt) {
    projector.apply(event, messageId, recordTime(recordedAt, storedAt));
  }

  @EventHandler
  void on(
      StatementEvent event,
      @MessageIdentifier String messageId,
      @MetaDataValue(MetadataKeys.RECORDED_AT) String recordedAt,
      @Timestamp Instant storedAt) {
    projector.apply(event, messageId, recordTime(recordedAt, storedAt));
  }

  @EventHandler
  void on(
      DiplomaticEventEvent event,
      @MessageIdentifier String messageId,
      @MetaDataValue(MetadataKeys.RECORDED_AT) String recordedAt,
      @Timestamp Instant storedAt) {
    projector.apply(event, messageId, recordTime(recordedAt, storedAt));
  }

  @ResetHandler
  void reset() {
    projector.clear();
  }

  private static Instant recordTime(String recordedAt, Instant storedAt) {
    return recordedAt == null ? storedAt : Instant.parse(recordedAt);
  }
}
