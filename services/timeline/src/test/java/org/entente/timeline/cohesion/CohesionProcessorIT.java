package org.entente.timeline.cohesion;

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
 * The settings under {@code entente.cohesion.processor.*} shape the "cohesion" processor that any
 * application scanning org.entente.timeline (the standalone one included) runs.
 */
@SpringBootTest(
    classes = TimelineTestApplication.class,
    properties = {
      "entente.cohesion.processor.segments=2",
      "entente.cohesion.processor.threads=2",
      "entente.cohesion.processor.batch-size=3",
      "entente.cohesion.processor.token-claim-interval=200ms"
    })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class CohesionProcessorIT {

  @Autowired EventProcessingConfiguration processing;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theProcessor_isPooledStreaming_withTheConfiguredSegments_andPropagatesErrors()
      throws InterruptedException {
    assertThat(
            processing.eventProcessor(
                CohesionProjection.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
        .isPresent();
    assertThat(processing.listenerInvocationErrorHandler(CohesionProjection.PROCESSING_GROUP))
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
    while (count("SELECT count(*) FROM cohesion_actor") < 10) {
      assertThat(Instant.now()).as("the projection caught up").isBefore(deadline);
      Thread.sleep(100);
    }
    assertThat(
            count(
                "SELECT count(*) FROM token_entry WHERE processor_name = '"
                    + CohesionProjection.PROCESSING_GROUP
                    + "'"))
        .isEqualTo(2);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
