package org.entente.timeline.cohesion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.entente.api.actor.ActorRegistered;
import org.entente.api.actor.MembershipRecorded;
import org.entente.api.actor.RoleAssigned;
import org.entente.api.event.DiplomaticEventAmended;
import org.entente.api.event.DiplomaticEventCancelled;
import org.entente.api.event.DiplomaticEventHeld;
import org.entente.api.event.DiplomaticEventRecorded;
import org.entente.api.event.DiplomaticEventRetracted;
import org.entente.api.statement.SourceCited;
import org.entente.api.statement.StatementCorrected;
import org.entente.api.statement.StatementRecorded;
import org.entente.api.statement.StatementRetracted;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one event into the cohesion tables. Idempotent: a message already applied (same message
 * id) changes nothing, so a replay after a crash between handling and committing the token is
 * harmless. Statements and events are versioned in record time: a change closes the current version
 * at its record time and opens the next.
 */
public class CohesionProjector {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public CohesionProjector(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Applies an event recorded at {@code recordedAt}; events the indicator needs not are ignored.
   */
  public void apply(Object event, String messageId, Instant recordedAt) {
    OffsetDateTime at = recordedAt.atOffset(ZoneOffset.UTC);
    if (event instanceof ActorRegistered e) {
      jdbc.update(
          "INSERT INTO cohesion_actor (actor_id, kind, name, recorded_at, message_id)"
              + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          e.actorId(),
          e.kind().name(),
          e.name(),
          at,
          messageId);
    } else if (event instanceof MembershipRecorded e) {
      jdbc.update(
          "INSERT INTO cohesion_membership (message_id, member_id, group_id, valid_from,"
              + " valid_to, recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          messageId,
          e.actorId(),
          e.groupId(),
          e.from(),
          e.to(),
          at);
    } else if (event instanceof RoleAssigned e) {
      jdbc.update(
          "INSERT INTO cohesion_role (message_id, person_id, title, at_actor_id, valid_from,"
              + " valid_to, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          messageId,
          e.actorId(),
          e.title(),
          e.atActorId(),
          e.from(),
          e.to(),
          at);
    } else if (event instanceof StatementRecorded e) {
      first(FactKind.STATEMENT, e.statementId(), StatementFact.of(e), messageId, at);
    } else if (event instanceof StatementCorrected e) {
      next(
          FactKind.STATEMENT,
          e.statementId(),
          StatementFact.class,
          s -> s.corrected(e),
          messageId,
          at);
    } else if (event instanceof SourceCited e) {
      next(
          FactKind.STATEMENT, e.statementId(), StatementFact.class, s -> s.cited(e), messageId, at);
    } else if (event instanceof StatementRetracted e) {
      retract(FactKind.STATEMENT, e.statementId(), messageId, at);
    } else if (event instanceof DiplomaticEventRecorded e) {
      first(FactKind.EVENT, e.eventId(), EventFact.of(e), messageId, at);
    } else if (event instanceof DiplomaticEventAmended e) {
      next(FactKind.EVENT, e.eventId(), EventFact.class, f -> f.amended(e), messageId, at);
    } else if (event instanceof DiplomaticEventHeld e) {
      next(FactKind.EVENT, e.eventId(), EventFact.class, f -> f.held(e), messageId, at);
    } else if (event instanceof DiplomaticEventCancelled e) {
      next(FactKind.EVENT, e.eventId(), EventFact.class, EventFact::cancelled, messageId, at);
    } else if (event instanceof DiplomaticEventRetracted e) {
      retract(FactKind.EVENT, e.eventId(), messageId, at);
    }
    // translations, sources and other records do not move the indicator
  }

  /** Empties the projection before a replay from the first event. */
  public void clear() {
    jdbc.update("DELETE FROM cohesion_fact_version");
    jdbc.update("DELETE FROM cohesion_role");
    jdbc.update("DELETE FROM cohesion_membership");
    jdbc.update("DELETE FROM cohesion_actor");
  }

  private void first(FactKind kind, String id, Object fact, String messageId, OffsetDateTime at) {
    if (applied(messageId) || current(kind, id) != null) {
      return;
    }
    insert(kind, id, 1, messageId, at, false, fact);
  }

  private <T> void next(
      FactKind kind,
      String id,
      Class<T> type,
      UnaryOperator<T> change,
      String messageId,
      OffsetDateTime at) {
    if (applied(messageId)) {
      return;
    }
    Version current = current(kind, id);
    if (current == null || current.retracted) {
      return;
    }
    T changed = change.apply(read(current.body, type));
    OffsetDateTime from = close(kind, id, current, at);
    insert(kind, id, current.version + 1, messageId, from, false, changed);
  }

  private void retract(FactKind kind, String id, String messageId, OffsetDateTime at) {
    if (applied(messageId)) {
      return;
    }
    Version current = current(kind, id);
    if (current == null || current.retracted) {
      return;
    }
    Class<?> type = kind == FactKind.STATEMENT ? StatementFact.class : EventFact.class;
    OffsetDateTime from = close(kind, id, current, at);
    insert(kind, id, current.version + 1, messageId, from, true, read(current.body, type));
  }

  /** Ends the current version; a record time earlier than its start (clock skew) is moved up. */
  private OffsetDateTime close(FactKind kind, String id, Version current, OffsetDateTime at) {
    OffsetDateTime end = at.isBefore(current.recordedFrom) ? current.recordedFrom : at;
    jdbc.update(
        "UPDATE cohesion_fact_version SET recorded_to = ?"
            + " WHERE fact_kind = ? AND fact_id = ? AND version = ?",
        end,
        kind.name(),
        id,
        current.version);
    return end;
  }

  private void insert(
      FactKind kind,
      String id,
      int version,
      String messageId,
      OffsetDateTime from,
      boolean retracted,
      Object fact) {
    Instant occurred =
        fact instanceof StatementFact s
            ? (s.saidAt() == null ? null : s.saidAt().at())
            : (((EventFact) fact).time() == null ? null : ((EventFact) fact).time().at());
    jdbc.update(
        "INSERT INTO cohesion_fact_version (fact_kind, fact_id, version, message_id,"
            + " recorded_from, recorded_to, retracted, occurred_at, body)"
            + " VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?::jsonb)",
        kind.name(),
        id,
        version,
        messageId,
        from,
        retracted,
        occurred == null ? null : occurred.atOffset(ZoneOffset.UTC),
        write(fact));
  }

  private boolean applied(String messageId) {
    Integer found =
        jdbc.queryForObject(
            "SELECT count(*) FROM cohesion_fact_version WHERE message_id = ?",
            Integer.class,
            messageId);
    return found != null && found > 0;
  }

  private Version current(FactKind kind, String id) {
    List<Version> found =
        jdbc.query(
            "SELECT version, recorded_from, retracted, body::text AS body FROM cohesion_fact_version"
                + " WHERE fact_kind = ? AND fact_id = ? AND recorded_to IS NULL",
            (rs, n) ->
                new Version(
                    rs.getInt("version"),
                    rs.getObject("recorded_from", OffsetDateTime.class),
                    rs.getBoolean("retracted"),
                    rs.getString("body")),
            kind.name(),
            id);
    return found.isEmpty() ? null : found.get(0);
  }

  private record Version(
      int version, OffsetDateTime recordedFrom, boolean retracted, String body) {}

  private String write(Object fact) {
    try {
      return json.writeValueAsString(fact);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + fact, e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
    }
  }
}
