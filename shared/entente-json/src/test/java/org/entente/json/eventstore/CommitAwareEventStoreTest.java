package org.entente.json.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The store's reader is woken when the transaction that appended events ends, not before. */
class CommitAwareEventStoreTest {

  private final AtomicInteger wakeUps = new AtomicInteger();

  private final CommitAwareEventStore store =
      new CommitAwareEventStore(
          EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())) {
        @Override
        public void eventsCommitted() {
          wakeUps.incrementAndGet();
          super.eventsCommitted();
        }
      };

  @AfterEach
  void shutDown() {
    store.shutDown();
  }

  @Test
  void eventsAppendedInsideATransaction_wakeTheReaderAfterItEnds() {
    new TransactionTemplate(new NoResourceTransactions())
        .executeWithoutResult(
            status -> {
              publishInUnitOfWork();
              assertThat(wakeUps).hasValue(0);
            });

    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void eventsAppendedOutsideATransaction_wakeTheReaderAtOnce() {
    publishInUnitOfWork();

    assertThat(wakeUps).hasValue(1);
  }

  private void publishInUnitOfWork() {
    UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    store.publish(GenericEventMessage.asEventMessage("appended"));
    unitOfWork.commit();
  }

  /** A transaction manager with transaction synchronization and nothing to commit. */
  private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }
}
