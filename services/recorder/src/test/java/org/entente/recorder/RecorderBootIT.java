package org.entente.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.MetadataKeys;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class RecorderBootIT {

  @Autowired CommandGateway commands;
  @Autowired EventStore eventStore;
  @Autowired JdbcTemplate jdbc;

  @Test
  void registeringAnActor_storesOneJsonEventWithMetadata() {
    commands.sendAndWait(
        new RegisterActor("boot-it-nato", ActorKind.ALLIANCE, "NATO", List.of("NAVO"), null));

    List<? extends DomainEventMessage<?>> events =
        eventStore.readEvents("boot-it-nato").asStream().toList();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getPayload()).isInstanceOf(ActorRegistered.class);
    assertThat(events.get(0).getMetaData())
        .containsKeys(
            MetadataKeys.RECORDED_BY,
            MetadataKeys.RECORDED_AT,
            MetadataKeys.COMMAND_ID,
            MetadataKeys.CORRELATION_ID,
            MetadataKeys.CAUSATION_ID);
    String stored =
        jdbc.queryForObject(
            "select convert_from(payload, 'UTF8') from domain_event_entry"
                + " where aggregate_identifier = ?",
            String.class,
            "boot-it-nato");
    assertThat(stored).contains("\"name\":\"NATO\"");
    String columnType =
        jdbc.queryForObject(
            "select data_type from information_schema.columns"
                + " where table_name = 'domain_event_entry' and column_name = 'payload'",
            String.class);
    assertThat(columnType).isEqualTo("bytea");
  }
}
