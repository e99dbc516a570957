package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RegisterActor;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The reference row of a new aggregate is written with the append; an id another transaction took
 * meanwhile (its row there, no check before dispatch to catch it) fails the command and stores
 * nothing.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class TakenIdIT {

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anIdTakenBehindTheCommandsBack_failsTheAppend_andStoresNoEvent() {
    String id = "taken-" + UUID.randomUUID();
    jdbc.update(
        "insert into aggregate_reference (aggregate_id, kind, actor_kind, retracted, version)"
            + " values (?, 'ACTOR', 'STATE', false, 0)",
        id);

    assertThatThrownBy(
            () -> commands.sendAndWait(new RegisterActor(id, ActorKind.STATE, "X", null, null)))
        .isInstanceOf(AggregateStreamCreationException.class)
        .hasMessageContaining(id);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class,
                id))
        .isZero();
  }
}
