package org.entente.timeline.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.entente.timeline.web.UnknownResourceException;
import org.springframework.stereotype.Service;

/**
 * The dead letters of every processor that has a dead-letter queue (all that {@code
 * PooledProcessors} registers): found through Axon's processing configuration, never through a list
 * of names kept here.
 */
@Service
public class DeadLetters {

  private final EventProcessingConfiguration processing;

  public DeadLetters(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  /** Processing groups with a dead-letter queue, in name order. */
  public List<String> groups() {
    return processing.eventProcessors().keySet().stream()
        .filter(name -> processing.deadLetterQueue(name).isPresent())
        .sorted()
        .toList();
  }

  /** Letters waiting, per processing group (every group listed, empty ones with 0). */
  public Map<String, Long> waiting() {
    Map<String, Long> waiting = new TreeMap<>();
    for (String group : groups()) {
      waiting.put(group, queue(group).size());
    }
    return waiting;
  }

  public long waiting(String group) {
    return processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L);
  }

  /** Every waiting letter, grouped by processing group and sequence (aggregate). */
  public List<Letter> letters() {
    List<Letter> letters = new ArrayList<>();
    for (String group : groups()) {
      for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
          letters.add(Letter.of(group, letter));
        }
      }
    }
    return letters;
  }

  /**
   * Hands the sequence holding {@code letterId} to its processor's handlers again, from its first
   * letter; letters that now succeed leave the queue, a failing one stays with its new cause.
   *
   * @return whether the whole sequence was processed
   */
  public boolean retry(String group, String letterId) {
    String first = firstOfSequence(group, letterId);
    return processor(group)
        .process(letter -> first.equals(((JdbcDeadLetter<?>) letter).getIdentifier()));
  }

  /** Retries every waiting sequence of every group once; returns how many were processed. */
  public int retryAll() {
    int processed = 0;
    for (String group : groups()) {
      long sequences = queue(group).amountOfSequences();
      SequencedDeadLetterProcessor<EventMessage<?>> processor = processor(group);
      for (long i = 0; i < sequences; i++) {
        if (processor.processAny()) {
          processed++;
        }
      }
    }
    return processed;
  }

  /** Removes a letter without handling it (an operator decided the event is not needed). */
  public void evict(String group, String letterId) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
    queue.evict(find(group, letterId).orElseThrow(() -> unknownLetter(letterId)));
  }

  private String firstOfSequence(String group, String letterId) {
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
      String first = null;
      for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
        String id = ((JdbcDeadLetter<?>) letter).getIdentifier();
        first = first == null ? id : first;
        if (id.equals(letterId)) {
          return first;
        }
      }
    }
    throw unknownLetter(letterId);
  }

  private Optional<DeadLetter<? extends EventMessage<?>>> find(String group, String letterId) {
    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
      for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
        if (((JdbcDeadLetter<?>) letter).getIdentifier().equals(letterId)) {
          return Optional.of(letter);
        }
      }
    }
    return Optional.empty();
  }

  private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
    return processing.deadLetterQueue(group).orElseThrow(() -> unknownGroup(group));
  }

  private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
    return processing.sequencedDeadLetterProcessor(group).orElseThrow(() -> unknownGroup(group));
  }

  private static UnknownResourceException unknownGroup(String group) {
    return new UnknownResourceException("processingGroup", group, "processing group");
  }

  private static UnknownResourceException unknownLetter(String letterId) {
    return new UnknownResourceException("letterId", letterId, "dead letter");
  }

  /**
   * One parked event: where it waits, what it is, and why it failed last.
   *
   * @param sequenceId the aggregate whose events wait behind it
   * @param sequenceIndex its place in that sequence (0 is retried first)
   */
  public record Letter(
      String letterId,
      String processingGroup,
      String sequenceId,
      long sequenceIndex,
      String eventIdentifier,
      String payloadType,
      String aggregateIdentifier,
      Long aggregateSequenceNumber,
      Instant enqueuedAt,
      Instant lastTouched,
      String causeType,
      String causeMessage) {

    static Letter of(String group, DeadLetter<? extends EventMessage<?>> letter) {
      JdbcDeadLetter<?> jdbc = (JdbcDeadLetter<?>) letter;
      EventMessage<?> event = letter.message();
      String aggregate = null;
      Long sequenceNumber = null;
      if (event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain) {
        aggregate = domain.getAggregateIdentifier();
        sequenceNumber = domain.getSequenceNumber();
      }
      return new Letter(
          jdbc.getIdentifier(),
          group,
          jdbc.getSequenceIdentifier(),
          jdbc.getSequenceIndex(),
          event.getIdentifier(),
          event.getPayloadType().getName(),
          aggregate,
          sequenceNumber,
          letter.enqueuedAt(),
          letter.lastTouched(),
          letter.cause().map(c -> c.type()).orElse(null),
          letter.cause().map(c -> c.message()).orElse(null));
    }
  }
}
