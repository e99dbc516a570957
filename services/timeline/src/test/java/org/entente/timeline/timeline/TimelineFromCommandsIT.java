package org.entente.timeline.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.timeline.support.Facts.day;
import static org.entente.timeline.support.Facts.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.AssignRole;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.statement.Stance;
import org.entente.timeline.support.Http;
import org.entente.timeline.support.Projections;
import org.entente.timeline.support.TestEvents;
import org.entente.timeline.support.TimelineBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Actors, roles and memberships recorded through the recorder's commands reach the timeline. */
@TimelineBootTest
class TimelineFromCommandsIT {

  @LocalServerPort int port;
  @Autowired CommandGateway commands;
  @Autowired EventStore eventStore;
  @Autowired ProcessorPositions positions;
  @Autowired TimelineSlots slots;

  @Test
  void officialOfAMember_appearsOnTheAlliancesTimeline_withNames() {
    commands.sendAndWait(new RegisterActor("cmd-nato", ActorKind.ALLIANCE, "NATO", null, null));
    commands.sendAndWait(new RegisterActor("cmd-germany", ActorKind.STATE, "Germany", null, null));
    commands.sendAndWait(
        new RegisterActor("cmd-pistorius", ActorKind.PERSON, "Boris Pistorius", null, null));
    commands.sendAndWait(
        new RecordMembership("cmd-germany", "cmd-nato", LocalDate.parse("1955-05-06"), null));
    commands.sendAndWait(
        new AssignRole(
            "cmd-pistorius",
            "Federal Minister of Defence",
            "cmd-germany",
            LocalDate.parse("2023-01-19"),
            null));
    new TestEvents(eventStore)
        .append(
            "Statement",
            "cmd-st",
            statement(
                "cmd-st",
                "cmd-pistorius",
                List.of(),
                day("2025-02-13"),
                Stance.CRITICISM,
                "unklug"));
    new Projections(positions, slots).awaitCaughtUp();

    JsonNode page = new Http(port).get("/api/groups/cmd-nato/timeline").json();

    assertThat(page.at("/items/0/entryId").asText()).isEqualTo("cmd-st");
    assertThat(page.at("/items/0/participants/0/name").asText()).isEqualTo("Boris Pistorius");
  }
}
