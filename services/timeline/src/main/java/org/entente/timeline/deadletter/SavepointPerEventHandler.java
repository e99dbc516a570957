package org.entente.timeline.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each projection event handler inside a savepoint of the processor's batch transaction.
 *
 * <p>On PostgreSQL a failed statement aborts the whole transaction: without a savepoint, an event
 * whose row the database refuses (a NUL in a text, a date out of range) would leave the batch
 * unable to park it in the dead-letter queue or to apply the events after it, and the processor
 * would retry the batch forever. Rolled back to its savepoint, the failed handler leaves no partial
 * rows, the dead-lettering invoker parks the event, and the batch goes on. Aggregates' event
 * sourcing handlers are left alone.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

  private final TransactionTemplate savepoint;

  public SavepointPerEventHandler(PlatformTransactionManager transactions) {
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @Override
  public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
    if (!original.canHandleMessageType(EventMessage.class)
        || original.annotationAttributes(EventSourcingHandler.class).isPresent()) {
      return original;
    }
    return new WrappedMessageHandlingMember<>(original) {
      @Override
      public Object handle(Message<?> message, T target) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
          return super.handle(message, target);
        }
        try {
          return savepoint.execute(
              status -> {
                try {
                  return super.handle(message, target);
                } catch (RuntimeException | Error e) {
                  throw e;
                } catch (Exception e) {
                  throw new CheckedFailure(e);
                }
              });
        } catch (CheckedFailure failure) {
          throw failure.checked;
        }
      }
    };
  }

  /** Carries a handler's checked exception through the transaction template. */
  private static final class CheckedFailure extends RuntimeException {
    private final Exception checked;

    CheckedFailure(Exception checked) {
      super(checked);
      this.checked = checked;
    }
  }
}
