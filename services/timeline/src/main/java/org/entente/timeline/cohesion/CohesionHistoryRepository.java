package org.entente.timeline.cohesion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.entente.api.actor.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the cohesion tables as they stood at a record time. */
public class CohesionHistoryRepository {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  public CohesionHistoryRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<ActorFact> actor(String actorId) {
    return jdbc
        .query(
            "SELECT actor_id, kind, name FROM cohesion_actor WHERE actor_id = ?",
            (rs, n) ->
                new ActorFact(
                    rs.getString("actor_id"),
                    ActorKind.valueOf(rs.getString("kind")),
                    rs.getString("name")),
            actorId)
        .stream()
        .findFirst();
  }

  /**
   * What was known at record time {@code asOf} (everything known now when null), leaving out
   * statements and events that happened at or after {@code before} (none when null).
   */
  public CohesionHistory load(Instant asOf, Instant before) {
    OffsetDateTime known = asOf == null ? null : asOf.atOffset(ZoneOffset.UTC);
    String recorded = known == null ? "" : " WHERE recorded_at <= ?";
    Object[] knownArg = known == null ? new Object[0] : new Object[] {known};
    List<ActorFact> actors =
        jdbc.query(
            "SELECT actor_id, kind, name FROM cohesion_actor" + recorded,
            (rs, n) ->
                new ActorFact(
                    rs.getString("actor_id"),
                    ActorKind.valueOf(rs.getString("kind")),
                    rs.getString("name")),
            knownArg);
    List<MembershipFact> memberships =
        jdbc.query(
            "SELECT member_id, group_id, valid_from, valid_to FROM cohesion_membership" + recorded,
            (rs, n) ->
                new MembershipFact(
                    rs.getString("member_id"),
                    rs.getString("group_id"),
                    rs.getDate("valid_from").toLocalDate(),
                    localDate(rs.getDate("valid_to"))),
            knownArg);
    List<RoleFact> roles =
        jdbc.query(
            "SELECT person_id, title, at_actor_id, valid_from, valid_to FROM cohesion_role"
                + recorded,
            (rs, n) ->
                new RoleFact(
                    rs.getString("person_id"),
                    rs.getString("title"),
                    rs.getString("at_actor_id"),
                    rs.getDate("valid_from").toLocalDate(),
                    localDate(rs.getDate("valid_to"))),
            knownArg);
    StringBuilder sql =
        new StringBuilder(
            "SELECT fact_kind, body::text AS body FROM cohesion_fact_version WHERE NOT retracted");
    List<Object> args = new ArrayList<>();
    if (known == null) {
      sql.append(" AND recorded_to IS NULL");
    } else {
      sql.append(" AND recorded_from <= ? AND (recorded_to IS NULL OR recorded_to > ?)");
      args.add(known);
      args.add(known);
    }
    if (before != null) {
      sql.append(" AND occurred_at < ?");
      args.add(before.atOffset(ZoneOffset.UTC));
    }
    sql.append(" ORDER BY fact_kind, fact_id");
    List<StatementFact> statements = new ArrayList<>();
    List<EventFact> events = new ArrayList<>();
    jdbc.query(
        sql.toString(),
        rs -> {
          if (FactKind.valueOf(rs.getString("fact_kind")) == FactKind.STATEMENT) {
            statements.add(read(rs.getString("body"), StatementFact.class));
          } else {
            events.add(read(rs.getString("body"), EventFact.class));
          }
        },
        args.toArray());
    return new CohesionHistory(actors, memberships, roles, statements, events);
  }

  private static java.time.LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
    }
  }
}
