package org.entente.recorder.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.entente.api.actor.ActorKind;
import org.entente.api.actor.RecordMembership;
import org.entente.api.actor.RegisterActor;
import org.entente.api.common.EventTime;
import org.entente.api.common.LocalizedText;
import org.entente.api.common.Weight;
import org.entente.api.event.EventKind;
import org.entente.api.event.EventStatus;
import org.entente.api.event.MarkDiplomaticEventHeld;
import org.entente.api.event.RecordDiplomaticEvent;
import org.entente.api.event.RetractDiplomaticEvent;
import org.entente.api.source.RegisterSource;
import org.entente.api.statement.RecordStatement;
import org.entente.api.statement.RetractStatement;
import org.entente.api.statement.Stance;
import org.entente.testkit.FreshEmbeddedDatabase;
import org.entente.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A store written before {@code aggregate_reference} existed gets the same rows from the
 * migration's backfill as the running application writes with its events: events stored by real
 * commands are copied into a database migrated only up to 1.2, which is then migrated to the end.
 */
@SpringBootTest
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class AggregateReferenceBackfillIT {

  static final String ROWS =
      "select aggregate_id, kind, actor_kind, retracted, version from aggregate_reference"
          + " order by aggregate_id";

  @Autowired CommandGateway commands;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMigrationBackfillsTheRowsTheApplicationWrites() {
    commands.sendAndWait(new RegisterActor("bf-kallas", ActorKind.PERSON, "Kallas", null, null));
    commands.sendAndWait(new RegisterActor("bf-nato", ActorKind.ALLIANCE, "NATO", null, null));
    commands.sendAndWait(new RegisterActor("bf-se", ActorKind.STATE, "Sweden", null, null));
    commands.sendAndWait(
        new RecordMembership("bf-se", "bf-nato", java.time.LocalDate.parse("2024-03-07"), null));
    commands.sendAndWait(
        new RegisterSource("bf-nos", "NOS", null, "Title", Instant.EPOCH, "nl", "Tekst"));
    commands.sendAndWait(event("bf-summit"));
    commands.sendAndWait(new MarkDiplomaticEventHeld("bf-summit", null));
    commands.sendAndWait(event("bf-dinner"));
    commands.sendAndWait(new RetractDiplomaticEvent("bf-dinner", "never happened"));
    commands.sendAndWait(statement("bf-said"));
    commands.sendAndWait(statement("bf-unsaid"));
    commands.sendAndWait(new RetractStatement("bf-unsaid", "misquoted"));
    List<Map<String, Object>> written = jdbc.queryForList(ROWS);

    JdbcTemplate old = new JdbcTemplate(oldStoreWith(jdbc));
    assertThat(old.queryForObject("select count(*) from domain_event_entry", Integer.class))
        .isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class));
    migrateToTheEnd(old);

    assertThat(old.queryForList(ROWS)).isEqualTo(written);
    written =
        written.stream()
            .filter(row -> row.get("aggregate_id").toString().startsWith("bf-"))
            .toList();
    assertThat(written)
        .extracting(row -> row.get("aggregate_id"))
        .containsExactly(
            "bf-dinner",
            "bf-kallas",
            "bf-nato",
            "bf-nos",
            "bf-said",
            "bf-se",
            "bf-summit",
            "bf-unsaid");
    assertThat(written.get(0)).containsEntry("retracted", true).containsEntry("version", 1L);
    assertThat(written.get(1)).containsEntry("kind", "ACTOR").containsEntry("actor_kind", "PERSON");
    assertThat(written.get(5)).containsEntry("version", 1L).containsEntry("retracted", false);
    assertThat(written.get(7)).containsEntry("kind", "STATEMENT").containsEntry("retracted", true);
  }

  /** A database migrated to 1.2 holding a copy of {@code source}'s events. */
  private static DriverManagerDataSource oldStoreWith(JdbcTemplate source) {
    DriverManagerDataSource old =
        new DriverManagerDataSource(TestPostgres.freshEmbeddedDatabase(), TestPostgres.USER, "");
    flyway(old).target("1.2").load().migrate();
    JdbcTemplate target = new JdbcTemplate(old);
    source.query(
        "select * from domain_event_entry order by global_index",
        rs -> {
          target.update(
              "insert into domain_event_entry (global_index, event_identifier, meta_data, payload,"
                  + " payload_revision, payload_type, time_stamp, aggregate_identifier,"
                  + " sequence_number, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              rs.getLong("global_index"),
              rs.getString("event_identifier"),
              rs.getBytes("meta_data"),
              rs.getBytes("payload"),
              rs.getString("payload_revision"),
              rs.getString("payload_type"),
              rs.getString("time_stamp"),
              rs.getString("aggregate_identifier"),
              rs.getLong("sequence_number"),
              rs.getString("type"));
        });
    return old;
  }

  private static void migrateToTheEnd(JdbcTemplate old) {
    flyway((DriverManagerDataSource) old.getDataSource()).load().migrate();
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      DriverManagerDataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/recorder")
        .outOfOrder(true);
  }

  private static RecordDiplomaticEvent event(String id) {
    return new RecordDiplomaticEvent(
        id,
        EventKind.SUMMIT,
        "Event " + id,
        EventTime.instant(Instant.parse("2025-02-12T10:00:00Z")),
        null,
        List.of(),
        EventStatus.SCHEDULED,
        null);
  }

  private static RecordStatement statement(String id) {
    return new RecordStatement(
        id,
        "bf-kallas",
        "bf-summit",
        List.of("bf-se"),
        EventTime.instant(Instant.parse("2025-02-12T10:05:00Z")),
        Stance.NEUTRAL,
        "010",
        Weight.goldstein(0),
        null,
        List.of(),
        new LocalizedText("en", "We will see."),
        List.of(),
        List.of());
  }
}
