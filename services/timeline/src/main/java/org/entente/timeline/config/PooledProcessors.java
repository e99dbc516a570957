package org.entente.timeline.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Registers the read side's projections the same way: a pooled streaming processor on the event
 * store, from its start, tuned by {@link PooledProcessorSettings}, with a dead-letter queue.
 *
 * <p>An event a handler cannot apply is parked in the dead-letter queue ({@code dead_letter_entry})
 * with every later event of the same sequence (the same aggregate, the processor's default
 * sequencing), and the processor goes on with the other aggregates: one bad event never stops a
 * view, and none is skipped silently. Operators list, retry and evict letters under {@code
 * /api/admin/dead-letters}. Every processor registered here has one; there is no other place
 * processors are registered.
 */
public final class PooledProcessors {

  /** Axon's layout in {@code dead_letter_entry} (Flyway V1_7), bytea for its BLOB columns. */
  public static final DeadLetterSchema DEAD_LETTER_SCHEMA =
      DeadLetterSchema.builder().deadLetterTable("dead_letter_entry").build();

  /** Every processing group registered here, in any context of this JVM. */
  private static final Set<String> registered = ConcurrentHashMap.newKeySet();

  private PooledProcessors() {}

  /** Whether {@code processingGroup} is one of the pooled processors registered here. */
  public static boolean isRegistered(String processingGroup) {
    return registered.contains(processingGroup);
  }

  public static void register(
      EventProcessingConfigurer processing, String name, PooledProcessorSettings settings) {
    registered.add(name);
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
    // handler errors must reach the dead-lettering invoker, which parks the event
    processing.registerListenerInvocationErrorHandler(
        name, axon -> PropagatingErrorHandler.instance());
    processing.registerDeadLetterQueue(
        name,
        axon ->
            JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(name)
                .connectionProvider(axon.getComponent(ConnectionProvider.class))
                .transactionManager(axon.getComponent(TransactionManager.class))
                .schema(DEAD_LETTER_SCHEMA)
                .genericSerializer(axon.serializer())
                .eventSerializer(axon.eventSerializer())
                .build());
    // Without the cache the invoker asks the queue (a query) for every event whether its
    // sequence is parked; with it, a queue empty when a segment is claimed costs no query.
    processing.registerDeadLetteringEventHandlerInvokerConfiguration(
        name, (axon, invoker) -> invoker.enableSequenceIdentifierCache());
  }
}
