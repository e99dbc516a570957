package org.entente.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.actor;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.entente.timeline.timeline.ProcessorPositions;
import org.entente.timeline.timeline.TimelineSlots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection's rows and the processor's token commit in one transaction: while storing the
 * token fails (a database trigger refuses it), the rows of the batch are rolled back with it, and
 * once the token can be stored again the batch is handled again and both appear.
 */
@TimelineBootTest
class ProjectionTransactionIT {

  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;
  @Autowired JdbcTemplate jdbc;

  @Test
  void rowsOfABatch_areRolledBack_whenItsTokenCannotBeStored() {
    new Projections(positions, slots).awaitCaughtUp();
    String processor = slots.live().processorName();
    long before = positions.safePosition(processor);
    refuseTokenUpdatesOf(processor);

    new TestEvents(eventStore)
        .append("Actor", "poison-1", actor("poison-1", ActorKind.STATE, "Stored, not projected"));
    long eventPosition = positions.head();

    await(() -> refusedTokenUpdates() >= 2); // the batch was tried, and tried again
    assertThat(rows("poison-1")).isZero();
    assertThat(positions.safePosition(processor)).isEqualTo(before).isLessThan(eventPosition);

    jdbc.update("update test_token_refusal set armed = false");
    await(() -> rows("poison-1") == 1);
    await(() -> positions.safePosition(processor) >= eventPosition);
  }

  @AfterEach
  void dropTrigger() {
    jdbc.execute("drop trigger if exists test_refuse_token on token_entry");
    jdbc.execute("drop function if exists test_refuse_token()");
    jdbc.execute("drop table if exists test_token_refusal");
    jdbc.execute("drop sequence if exists test_refused_token_updates");
  }

  /** A trigger that rejects every token advance of the processor while armed, and counts them. */
  private void refuseTokenUpdatesOf(String processor) {
    jdbc.execute("create sequence test_refused_token_updates");
    jdbc.execute("create table test_token_refusal (armed boolean not null)");
    jdbc.execute("insert into test_token_refusal values (true)");
    jdbc.execute(
        "create function test_refuse_token() returns trigger language plpgsql as $$ begin"
            + " if (select armed from test_token_refusal) then"
            + " perform nextval('test_refused_token_updates');"
            + " raise exception 'token update refused by test'; end if;"
            + " return new; end $$");
    jdbc.execute(
        "create trigger test_refuse_token before update on token_entry for each row"
            + " when (new.processor_name = '"
            + processor
            + "' and new.token is distinct from old.token)"
            + " execute function test_refuse_token()");
  }

  private long refusedTokenUpdates() {
    // sequences are not transactional: the count survives the rolled-back attempts
    return jdbc.queryForObject(
        "select case when is_called then last_value else 0 end from test_refused_token_updates",
        Long.class);
  }

  private long rows(String actorId) {
    return jdbc.queryForObject(
        "select count(*) from tl_actor where actor_id = ?", Long.class, actorId);
  }

  private static void await(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting").isBefore(deadline);
      Projections.sleep(20);
    }
  }
}
