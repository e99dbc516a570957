package org.entente.timeline.deadletter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the buffered rows of a {@link BufferedProjection}'s processor batch, and keeps one event
 * the database refuses from failing the whole batch.
 *
 * <p>The batch's rows are written in one savepoint. If the database refuses them, the savepoint is
 * rolled back and the batch's events are applied and written again one at a time, each in its own
 * savepoint: an event whose rows are refused is parked in the processor's dead-letter queue (with
 * its cause), and so is every later event of its sequence (its aggregate), in this batch and after;
 * the other events are written and the batch commits with its token. Without this, a refused row
 * fails the batch, and the processor retries it forever while every aggregate waits.
 *
 * <p>Only a refusal of the rows themselves (a constraint, a value the database cannot store) is
 * isolated; a lost connection, a deadlock or a timeout fails the batch, which is tried again.
 *
 * <p>Axon's dead-lettering invoker does not see these letters (they are enqueued here, not by it),
 * so its cache of parked sequences does not know them: {@link #parkIfSequenceParked} keeps the
 * later events of such a sequence out of the projection until the letters are retried or evicted.
 * After a restart the invoker finds the queue not empty and asks it for every sequence itself.
 */
public class IsolatingFlush {

  private static final Logger log = LoggerFactory.getLogger(IsolatingFlush.class);

  /** An event handled in the batch, with how to apply and write it alone. */
  public record Handled(EventMessage<?> message, Runnable applyAndWriteAlone) {}

  private final String processingGroup;
  private final ObjectProvider<EventProcessingConfiguration> processing;
  private final TransactionTemplate savepoint;
  private final Set<Object> parkedHere = ConcurrentHashMap.newKeySet();

  public IsolatingFlush(
      String processingGroup,
      ObjectProvider<EventProcessingConfiguration> processing,
      PlatformTransactionManager transactions) {
    this.processingGroup = processingGroup;
    this.processing = processing;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Parks {@code message} if an earlier event of its sequence was parked here and still waits;
   * returns whether it did (then the projection must not apply it).
   */
  public boolean parkIfSequenceParked(EventMessage<?> message) {
    if (parkedHere.isEmpty()) {
      return false;
    }
    Object sequence = sequenceOf(message);
    if (!parkedHere.contains(sequence)) {
      return false;
    }
    boolean parked =
        queue().enqueueIfPresent(sequence, () -> new GenericDeadLetter<>(sequence, message));
    if (!parked) {
      parkedHere.remove(sequence); // retried or evicted since
    }
    return parked;
  }

  /**
   * Runs {@code writeAll} in a savepoint; if it fails, writes the {@code handled} events one by
   * one, parking the refused ones and their sequences' later events.
   */
  public void flush(Runnable writeAll, List<Handled> handled) {
    try {
      inSavepoint(writeAll);
      return;
    } catch (RuntimeException refused) {
      if (handled.isEmpty() || !refusedByDatabase(refused)) {
        throw refused; // an outage, a deadlock or a timeout: the whole batch is tried again
      }
      log.warn(
          "Writing a batch of {} events of {} failed ({}); writing them one by one",
          handled.size(),
          processingGroup,
          refused.toString());
    }
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
    Set<Object> failed = new HashSet<>();
    for (Handled event : handled) {
      Object sequence = sequenceOf(event.message());
      if (failed.contains(sequence)) {
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event.message()));
        continue;
      }
      try {
        inSavepoint(event.applyAndWriteAlone());
      } catch (RuntimeException cause) {
        if (!refusedByDatabase(cause)) {
          throw cause;
        }
        log.warn(
            "Event {} ({}) of sequence {} refused by the database; parked in the dead-letter"
                + " queue of {}",
            event.message().getIdentifier(),
            event.message().getPayloadType().getSimpleName(),
            sequence,
            processingGroup,
            cause);
        queue.enqueue(sequence, new GenericDeadLetter<>(sequence, event.message(), cause));
        failed.add(sequence);
        parkedHere.add(sequence);
      }
    }
  }

  /**
   * Whether the database refused the rows themselves (a constraint, a value it cannot store), as
   * opposed to failing for a while (lost connection, deadlock, timeout), which must not park
   * anything.
   */
  static boolean refusedByDatabase(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessException
          || t instanceof RecoverableDataAccessException) {
        return false;
      }
      if (t instanceof NonTransientDataAccessException) {
        return true;
      }
    }
    return false;
  }

  private void inSavepoint(Runnable work) {
    savepoint.executeWithoutResult(status -> work.run());
  }

  private Object sequenceOf(EventMessage<?> message) {
    SequencingPolicy<? super EventMessage<?>> policy =
        processing.getObject().sequencingPolicy(processingGroup);
    Object sequence = policy == null ? null : policy.getSequenceIdentifierFor(message);
    return sequence == null ? message.getIdentifier() : sequence;
  }

  private SequencedDeadLetterQueue<EventMessage<?>> queue() {
    return processing
        .getObject()
        .deadLetterQueue(processingGroup)
        .orElseThrow(
            () -> new IllegalStateException("no dead-letter queue for " + processingGroup));
  }
}
