package org.entente.timeline.deadletter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.entente.timeline.config.PooledProcessors;
import org.springframework.core.annotation.AnnotatedElementUtils;
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
 * rows, the dead-lettering invoker parks the event, and the batch goes on. Only handlers of the
 * processing groups registered by {@link PooledProcessors} are wrapped: aggregates' event sourcing
 * handlers, handlers running inside a command's transaction and {@link BufferedProjection}s (which
 * write nothing while handling and isolate refused rows at flush) are left alone.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

  private final TransactionTemplate savepoint;
  private final Map<Class<?>, Boolean> pooled = new ConcurrentHashMap<>();

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
        if (target == null
            || !pooled.computeIfAbsent(target.getClass(), SavepointPerEventHandler::isPooled)
            || !TransactionSynchronizationManager.isActualTransactionActive()) {
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

  private static boolean isPooled(Class<?> handlerClass) {
    ProcessingGroup group =
        AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
    return group != null
        && PooledProcessors.isRegistered(group.value())
        && !BufferedProjection.class.isAssignableFrom(handlerClass);
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
