package org.entente.timeline.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.entente.api.common.MetadataKeys;
import org.entente.timeline.deadletter.BufferedProjection;
import org.entente.timeline.deadletter.IsolatingFlush;
import org.entente.timeline.facts.FactBatchListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The read side's one projection (the record-time fact store that the timeline and cohesion both
 * read) for one slot, run by that slot's pooled streaming processor. Its rows and the processor's
 * token are written in the same transaction. Two concrete subclasses, one per slot and processing
 * group, let a rebuild fill one slot while the other answers queries.
 *
 * <p>A processor batch's rows are buffered ({@link BufferedRows}) and written at prepare-commit
 * with a few JDBC batches and set-based statements; if the database refuses them, {@link
 * IsolatingFlush} parks the refused event in the dead-letter queue and writes the others.
 */
public abstract class TimelineProjection implements BufferedProjection {

  private final Slot slot;
  private final TimelineSlots slots;
  private final TimelineProjector projector = new TimelineProjector();
  private final SlotWriter rows;
  private final IsolatingFlush flush;
  private final String bufferKey;
  private final FactBatchFollowers followers;

  protected TimelineProjection(
      Slot slot,
      TimelineSlots slots,
      JdbcTemplate jdbc,
      TimelineDocuments documents,
      ObjectProvider<EventProcessingConfiguration> processing,
      PlatformTransactionManager transactions,
      ObjectProvider<FactBatchListener> listeners) {
    this.slot = slot;
    this.slots = slots;
    this.rows = new SlotWriter(jdbc, documents.mapper(), slot);
    this.flush = new IsolatingFlush(slot.processorName(), processing, transactions);
    this.followers =
        new FactBatchFollowers(
            listeners.orderedStream().toList(), jdbc, documents.mapper(), slot, slots);
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
    RecordedEvent event = new RecordedEvent(message.getIdentifier(), position, recordedAt, payload);
    if (!CurrentUnitOfWork.isStarted()) {
      projector.apply(event, rows); // outside a unit of work: straight to the tables
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    if (!(root instanceof BatchingUnitOfWork<?> processorBatch)) {
      // a dead letter handled again: written at commit, a refusal leaves it in the queue
      projector.apply(event, batch(root, List::of).rows);
      return;
    }
    if (flush.parkIfSequenceParked(message)) {
      return; // an earlier event of its aggregate waits in the dead-letter queue
    }
    Batch batch = batch(root, processorBatch::getMessages);
    batch.handled.add(
        new IsolatingFlush.Handled(
            message,
            () -> {
              BufferedRows alone = rows.buffered();
              projector.apply(event, alone);
              write(alone);
            }));
    projector.apply(event, batch.rows);
  }

  /**
   * The buffer of the unit of work being handled: kept in the root unit of work's resources and
   * written when it prepares to commit, in the transaction that also stores the token. The stored
   * versions of the entries the batch's events touch are read ahead in one query.
   */
  private Batch batch(UnitOfWork<?> root, Supplier<? extends List<? extends Message<?>>> messages) {
    return root.getOrComputeResource(
        bufferKey,
        key -> {
          Batch batch = new Batch(rows.buffered(), new ArrayList<>());
          // asked once per batch: the unit of work builds a new list of all its messages each time
          batch.rows.readAhead(entriesOf(messages.get()));
          root.onPrepareCommit(unitOfWork -> flush.flush(() -> write(batch.rows), batch.handled));
          return batch;
        });
  }

  /** Writes buffered rows, then lets the followers (stored cohesion) derive theirs from them. */
  private void write(BufferedRows buffer) {
    BufferedRows.Touched touched = buffer.touched();
    buffer.flush();
    followers.written(touched);
  }

  private static List<String> entriesOf(List<? extends Message<?>> messages) {
    List<String> entries = new ArrayList<>();
    for (Message<?> message : messages) {
      try {
        TimelineProjector.entryOf(message.getPayload()).ifPresent(entries::add);
      } catch (RuntimeException unreadable) {
        // the handler meets it again, and the dead-letter queue takes it if it fails there
      }
    }
    return entries;
  }

  /** The rows of one processor batch and the events they came from. */
  private record Batch(BufferedRows rows, List<IsolatingFlush.Handled> handled) {}

  /** Writes slot a. */
  @Component
  @ProcessingGroup("timeline-a")
  public static class SlotA extends TimelineProjection {
    public SlotA(
        TimelineSlots slots,
        JdbcTemplate jdbc,
        TimelineDocuments documents,
        ObjectProvider<EventProcessingConfiguration> processing,
        PlatformTransactionManager transactions,
        ObjectProvider<FactBatchListener> listeners) {
      super(Slot.A, slots, jdbc, documents, processing, transactions, listeners);
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
        ObjectProvider<EventProcessingConfiguration> processing,
        PlatformTransactionManager transactions,
        ObjectProvider<FactBatchListener> listeners) {
      super(Slot.B, slots, jdbc, documents, processing, transactions, listeners);
    }
  }
}
