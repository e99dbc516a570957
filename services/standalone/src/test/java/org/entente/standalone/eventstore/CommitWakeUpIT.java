package org.entente.standalone.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.json.eventstore.CommitAwareEventStore;
import org.entente.standalone.EntenteApplication;
import org.entente.standalone.TestStatements;
import org.entente.standalone.TestUsers;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store's reader is told of commits (CommitAwareEventStore): with its polling delay set
 * to ten minutes, an event reaches a stream of the store only if a commit woke the reader, and a
 * pooled processor looks again at once only if its stream calls back (a stream of Axon's store
 * cannot). That the wake-up waits for the recorder's transaction is CommitAwareEventStoreTest's:
 * here the commit usually wins the race against Axon's early wake-up anyway.
 */
class CommitWakeUpIT {

  private static final int WAIT_SECONDS = 30;

  /** This node's commits, with the NOTIFY listener off: the store's own wake-up and callbacks. */
  @Nested
  @SpringBootTest(
      classes = EntenteApplication.class,
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = {
        "entente.kafka.enabled=false",
        "entente.event-store.fetch-delay=10m",
        "entente.event-store.listen=false"
      })
  @ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
  class ThisNode {

    @Autowired EventStore eventStore;
    @Autowired TestRestTemplate http;

    @Test
    void aRecordedStatement_reachesAnOpenStream_andItsCallback() throws Exception {
      assertThat(eventStore).isInstanceOf(CommitAwareEventStore.class);
      String id = "wake-" + UUID.randomUUID();
      try (BlockingStream<TrackedEventMessage<?>> stream =
          eventStore.openStream(eventStore.createHeadToken())) {
        CountDownLatch called = new CountDownLatch(1);
        assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();
        stream.hasNextAvailable(); // joins the reader's cache (a tailing stream)

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(
                TestUsers.authorized(http)
                    .postForEntity(
                        "/api/statements",
                        new HttpEntity<>(TestStatements.rutteOnTheUnitedStates(id), headers),
                        String.class)
                    .getStatusCode()
                    .value())
            .isEqualTo(201);

        assertThat(called.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(arrives(stream, id)).isTrue();
      }
    }
  }

  /** Another node's commit (appended past this node's store): the NOTIFY wakes the reader. */
  @Nested
  @SpringBootTest(
      classes = EntenteApplication.class,
      properties = {"entente.kafka.enabled=false", "entente.event-store.fetch-delay=10m"})
  @ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
  class OtherNode {

    @Autowired EventStore eventStore;
    @Autowired EventStorageEngine storageEngine;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void anEventCommittedElsewhere_reachesAnOpenStream() throws Exception {
      String id = "elsewhere-" + UUID.randomUUID();
      try (BlockingStream<TrackedEventMessage<?>> stream =
          eventStore.openStream(eventStore.createHeadToken())) {
        stream.hasNextAvailable();
        new TransactionTemplate(transactions)
            .executeWithoutResult(
                status ->
                    storageEngine.appendEvents(
                        new GenericDomainEventMessage<>("WakeUpProbe", id, 0, "probe")));
        assertThat(arrives(stream, id)).isTrue();
      }
    }
  }

  private static boolean arrives(BlockingStream<TrackedEventMessage<?>> stream, String aggregateId)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        if (event instanceof DomainEventMessage<?> domain
            && aggregateId.equals(domain.getAggregateIdentifier())) {
          return true;
        }
      }
    }
    return false;
  }
}
