package org.entente.timeline.config;

import java.util.concurrent.Executors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Registers the read side's projections the same way: a pooled streaming processor on the event
 * store, from its start, tuned by {@link PooledProcessorSettings}. A failing handler rolls its
 * batch back and the processor retries it, rather than skipping an event and leaving a hole in the
 * view.
 */
public final class PooledProcessors {

  private PooledProcessors() {}

  public static void register(
      EventProcessingConfigurer processing, String name, PooledProcessorSettings settings) {
    processing.registerPooledStreamingEventProcessor(
        name,
        axon -> axon.eventStore(),
        (axon, builder) ->
            builder
                .initialToken(StreamableMessageSource::createTailToken)
                .initialSegmentCount(settings.getSegments())
                .batchSize(settings.getBatchSize())
                .tokenClaimInterval(settings.getTokenClaimInterval().toMillis())
                .coordinatorExecutor(
                    processor ->
                        Executors.newScheduledThreadPool(
                            1, new AxonThreadFactory("Coordinator[" + processor + "]")))
                .workerExecutor(
                    processor ->
                        Executors.newScheduledThreadPool(
                            settings.getThreads(),
                            new AxonThreadFactory("WorkPackage[" + processor + "]"))));
    processing.registerListenerInvocationErrorHandler(
        name, axon -> PropagatingErrorHandler.instance());
  }
}
