package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.timeline.TimelineTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The settings under {@code entente.timeline.processor.*} shape the processors of the one fact
 * store (timeline-a, timeline-b) that any application scanning org.entente.timeline (the standalone
 * one included) runs; there is no other read-side processor.
 */
@SpringBootTest(
    classes = TimelineTestApplication.class,
    properties = {
      "entente.timeline.processor.segments=2",
      "entente.timeline.processor.threads=2",
      "entente.timeline.processor.batch-size=3",
      "entente.timeline.processor.token-claim-interval=200ms"
    })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class FactStoreProcessorIT {

  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theProcessors_arePooledStreaming_withTheConfiguredSegments_andPropagatesErrors()
      throws InterruptedException {
    assertThat(
            processing.eventProcessor(Slot.A.processorName(), PooledStreamingEventProcessor.class))
        .isPresent();
    assertThat(processing.eventProcessor("cohesion")).isEmpty();
    assertThat(processing.listenerInvocationErrorHandler(Slot.A.processorName()))
        .isSameAs(PropagatingErrorHandler.instance());

    List<GenericDomainEventMessage<?>> actors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      actors.add(
          new GenericDomainEventMessage<>(
              "ActorRegistered",
              "state-" + i,
              0,
              new ActorRegistered(
                  "state-" + i, ActorKind.STATE, "State " + i, List.of(), Map.of())));
    }
    eventStore.publish(actors);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (count("SELECT count(*) FROM tl_actor WHERE slot = 'a'") < 10) {
      assertThat(Instant.now()).as("the projection caught up").isBefore(deadline);
      Thread.sleep(100);
    }
    assertThat(
            count(
                "SELECT count(*) FROM token_entry WHERE processor_name = '"
                    + Slot.A.processorName()
                    + "'"))
        .isEqualTo(2);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
