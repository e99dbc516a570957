package org.entente.timeline.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;
import static org.entente.timeline.support.Facts.correctText;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.statement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.common.MetadataKeys;
import org.entente.api.statement.Stance;
import org.entente.timeline.deadletter.DeadLetters.Letter;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row the database refuses when a processor batch's buffered rows are written (at prepare-commit)
 * parks only the event it came from, with its aggregate's later events, in the dead-letter queue;
 * the batch's other events are projected and the processor goes on. After the fix, retrying the
 * letters projects them.
 */
@TimelineBootTest
class RefusedRowIsolationIT {

  private static final String REFUSED = "refused-statement";
  private static final String ACCEPTED = "accepted-statement";

  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired DeadLetters deadLetters;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRefusedRow_parksItsEventAndItsAggregatesLaterOnes_whileTheRestOfTheBatchIsProjected() {
    new Projections(positions, slots).awaitCaughtUp();
    String group = slots.live().processorName();
    // only the refused statement's rows violate it (NOT VALID: the rows already stored are not
    // checked)
    jdbc.execute(
        "alter table tl_entry_version add constraint test_refuse_one"
            + " check (entry_id <> '"
            + REFUSED
            + "') not valid");

    // one transaction, so one processor batch: a speaker, the refused statement, an accepted one,
    // and a later correction of the refused one
    publish(
        message("Actor", "speaker-1", 0, actor("speaker-1", ActorKind.PERSON, "Speaker One")),
        message(
            "Statement",
            REFUSED,
            0,
            statement(REFUSED, "speaker-1", List.of(), day("2025-02-12"), Stance.NEUTRAL, "Nee.")),
        message(
            "Statement",
            ACCEPTED,
            0,
            statement(ACCEPTED, "speaker-1", List.of(), day("2025-02-12"), Stance.NEUTRAL, "Ja.")),
        message("Statement", REFUSED, 1, correctText(REFUSED, "Nee, nooit.", "wording")));
    long head = positions.head();

    await(() -> positions.safePosition(group) >= head);
    assertThat(versions(ACCEPTED)).isEqualTo(1);
    assertThat(rows("select count(*) from tl_actor where actor_id = 'speaker-1'")).isEqualTo(1);
    assertThat(versions(REFUSED)).isZero();
    List<Letter> letters = lettersOf(group);
    assertThat(letters).extracting(Letter::sequenceId).containsOnly(REFUSED);
    assertThat(letters)
        .extracting(Letter::payloadType)
        .containsExactly(
            "org.entente.api.statement.StatementRecorded",
            "org.entente.api.statement.StatementCorrected");
    assertThat(letters.get(0).causeMessage()).contains("test_refuse_one");

    // a later event of the parked aggregate, in a batch of its own, waits behind its letters
    publish(message("Statement", REFUSED, 2, correctText(REFUSED, "Nee, nooit meer.", "wording")));
    long later = positions.head();
    await(() -> positions.safePosition(group) >= later);
    assertThat(versions(REFUSED)).isZero();
    assertThat(lettersOf(group)).hasSize(3);

    jdbc.execute("alter table tl_entry_version drop constraint test_refuse_one");
    assertThat(deadLetters.retry(group, letters.get(0).letterId())).isTrue();
    assertThat(lettersOf(group)).isEmpty();
    assertThat(versions(REFUSED)).isEqualTo(3);
    assertThat(
            rows(
                "select count(*) from tl_entry_version where entry_id = '"
                    + REFUSED
                    + "' and recorded_to_position is null"))
        .isEqualTo(1);
  }

  @AfterEach
  void dropConstraint() {
    jdbc.execute("alter table tl_entry_version drop constraint if exists test_refuse_one");
  }

  private List<Letter> lettersOf(String group) {
    return deadLetters.letters().stream()
        .filter(letter -> letter.processingGroup().equals(group))
        .toList();
  }

  private long versions(String entryId) {
    return rows("select count(*) from tl_entry_version where entry_id = '" + entryId + "'");
  }

  private long rows(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private void publish(GenericDomainEventMessage<?>... messages) {
    eventStore.publish(List.of(messages));
  }

  private static GenericDomainEventMessage<?> message(
      String type, String aggregateId, long sequence, Object payload) {
    Instant now = Instant.now();
    String commandId = UUID.randomUUID().toString();
    return new GenericDomainEventMessage<>(
        type,
        aggregateId,
        sequence,
        payload,
        Map.of(
            MetadataKeys.RECORDED_BY, "test",
            MetadataKeys.RECORDED_AT, now.toString(),
            MetadataKeys.COMMAND_ID, commandId,
            MetadataKeys.CORRELATION_ID, commandId,
            MetadataKeys.CAUSATION_ID, commandId),
        UUID.randomUUID().toString(),
        now);
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting").isBefore(deadline);
      Projections.sleep(50);
    }
  }
}
