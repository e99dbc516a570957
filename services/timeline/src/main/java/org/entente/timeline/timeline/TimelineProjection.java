package org.entente.timeline.timeline;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.api.common.MetadataKeys;
import org.entente.timeline.facts.FactBatchListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read side's one projection (the record-time fact store that the timeline and cohesion both
 * read) for one slot, run by that slot's pooled streaming processor. Its rows and the processor's
 * token are written in the same transaction. Two concrete subclasses, one per slot and processing
 * group, let a rebuild fill one slot while the other answers queries.
 */
public abstract class TimelineProjection {

  private final Slot slot;
  private final TimelineSlots slots;
  private final TimelineProjector projector = new TimelineProjector();
  private final SlotWriter rows;
  private final String bufferKey;
  private final FactBatchFollowers followers;

  protected TimelineProjection(
      Slot slot,
      TimelineSlots slots,
      JdbcTemplate jdbc,
      TimelineDocuments documents,
      ObjectProvider<FactBatchListener> listeners) {
    this.slot = slot;
    this.slots = slots;
    this.rows = new SlotWriter(jdbc, documents.mapper(), slot);
    this.followers =
        new FactBatchFollowers(listeners.orderedStream().toList(), jdbc, documents.mapper(), slot);
    this.bufferKey = BufferedRows.class.getName() + "/" + slot.code();
  }

  @EventHandler
  public void on(Object payload, EventMessage<?> message, TrackingToken token) {
    if (!slots.isActive(slot)) {
      return; // this slot is neither live nor being rebuilt
    }
    long position =
        token
            .position()
            .orElseThrow(() -> new IllegalStateException("token without position: " + token));
    Instant recordedAt =
        RecordedEvent.recordTime(
            message.getMetaData().get(MetadataKeys.RECORDED_AT), message.getTimestamp());
    projector.apply(
        new RecordedEvent(message.getIdentifier(), position, recordedAt, payload), batchRows());
  }

  /**
   * The buffer of the processor batch being handled: kept in the root unit of work's resources and
   * written when it prepares to commit, in the transaction that also stores the token. A handler
   * called outside a unit of work writes straight to the tables.
   */
  private FactRows batchRows() {
    if (!CurrentUnitOfWork.isStarted()) {
      return rows;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    return root.getOrComputeResource(
        bufferKey,
        key -> {
          BufferedRows buffer = rows.buffered();
          root.onPrepareCommit(
              unitOfWork -> {
                BufferedRows.Touched touched = buffer.touched();
                buffer.flush();
                followers.written(touched);
              });
          return buffer;
        });
  }

  /** Writes slot a. */
  @Component
  @ProcessingGroup("timeline-a")
  public static class SlotA extends TimelineProjection {
    public SlotA(
        TimelineSlots slots,
        JdbcTemplate jdbc,
        TimelineDocuments documents,
        ObjectProvider<FactBatchListener> listeners) {
      super(Slot.A, slots, jdbc, documents, listeners);
    }
  }

  /** Writes slot b. */
  @Component
  @ProcessingGroup("timeline-b")
  public static class SlotB extends TimelineProjection {
    public SlotB(
        TimelineSlots slots,
        JdbcTemplate jdbc,
        TimelineDocuments documents,
        ObjectProvider<FactBatchListener> listeners) {
      super(Slot.B, slots, jdbc, documents, listeners);
    }
  }
}
