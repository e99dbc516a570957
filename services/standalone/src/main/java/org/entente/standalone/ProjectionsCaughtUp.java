package org.entente.standalone;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds start-up until the running projections have handled every event stored so far (the demo
 * included), so that when the application reports itself ready its first queries see the whole
 * store rather than a timeline or cohesion series still being built. Runs after the demo loader;
 * gives up after {@link #PATIENCE} and says so, since a projection that cannot catch up must not
 * keep the service from answering.
 */
@Component
@Order(ProjectionsCaughtUp.ORDER)
public class ProjectionsCaughtUp implements ApplicationRunner {

  /** After the demo loader, which has the default order of 0. */
  static final int ORDER = 100;

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Logger log = LoggerFactory.getLogger(ProjectionsCaughtUp.class);

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;

  ProjectionsCaughtUp(EventProcessingConfiguration processing, EventStore eventStore) {
    this.processing = processing;
    this.eventStore = eventStore;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    long head = position(eventStore.createHeadToken());
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    List<String> behind = behind(head);
    while (!behind.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      behind = behind(head);
    }
    if (behind.isEmpty()) {
      log.info("Projections have handled the event store up to position {}", head);
    } else {
      log.warn("Projections {} have not reached position {} after {}", behind, head, PATIENCE);
    }
  }

  /** Running streaming processors with a segment that has not reached {@code head}. */
  public List<String> behind(long head) {
    return processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(StreamingEventProcessor.class::cast)
        .filter(StreamingEventProcessor::isRunning)
        .filter(
            processor ->
                processor.processingStatus().isEmpty()
                    || processor.processingStatus().values().stream()
                        .anyMatch(status -> position(status.getCurrentPosition()) < head))
        .map(StreamingEventProcessor::getName)
        .toList();
  }

  private static long position(TrackingToken token) {
    return token == null ? -1 : position(token.position());
  }

  private static long position(OptionalLong position) {
    return position.orElse(-1);
  }
}
