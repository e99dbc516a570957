package org.entente.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every migration run, as the migrating owner: gives the role the service connects as what it
 * needs and nothing more. It may read and write every table of the schema (tokens, sagas, dead
 * letters, idempotency records, the read side's tables, which a rebuild empties slot by slot) and
 * use its sequences; on the event table it may only {@code SELECT} and {@code INSERT}, and on
 * Flyway's history only {@code SELECT}. It owns nothing, so it cannot drop or disable the event
 * table's append-only triggers ({@code ALTER TABLE ... DISABLE TRIGGER} needs the owner). Runs on
 * each start, so tables added by later migrations are covered too.
 */
public class ApplicationRoleGrants implements Callback {

  /** Axon's event table; append-only (migration {@code V1_6}). */
  static final String EVENT_TABLE = "domain_event_entry";

  private static final Logger log = LoggerFactory.getLogger(ApplicationRoleGrants.class);

  private final String role;

  /**
   * @param role the login role the application connects as; blank turns the grants off (the
   *     application then connects as the owner)
   */
  public ApplicationRoleGrants(String role) {
    this.role = role == null ? "" : role.strip();
  }

  public String role() {
    return role;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE && !role.isEmpty();
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    String grantee = quote(role);
    String history = context.getConfiguration().getTable();
    Connection connection = context.getConnection();
    try (Statement sql = connection.createStatement()) {
      String schema = schema(connection, context);
      String qualifiedSchema = quote(schema);
      sql.execute("GRANT USAGE ON SCHEMA " + qualifiedSchema + " TO " + grantee);
      sql.execute(
          "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA "
              + qualifiedSchema
              + " TO "
              + grantee);
      sql.execute(
          "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "
              + qualifiedSchema
              + " TO "
              + grantee);
      sql.execute(
          "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "
              + qualifiedSchema
              + "."
              + quote(history)
              + " FROM "
              + grantee);
      if (exists(connection, schema, EVENT_TABLE)) {
        sql.execute(
            "REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON "
                + qualifiedSchema
                + "."
                + EVENT_TABLE
                + " FROM "
                + grantee);
      }
      log.info(
          "Role {} may use the tables of schema {}; on {} only SELECT and INSERT",
          role,
          schema,
          EVENT_TABLE);
    } catch (SQLException e) {
      throw new FlywayException("could not grant the application role " + role + " its rights", e);
    }
  }

  @Override
  public String getCallbackName() {
    return "entente-application-role-grants";
  }

  private static String schema(Connection connection, Context context) throws SQLException {
    String configured = context.getConfiguration().getDefaultSchema();
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    try (Statement sql = connection.createStatement();
        var rs = sql.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static boolean exists(Connection connection, String schema, String table)
      throws SQLException {
    try (var query =
        connection.prepareStatement(
            "SELECT 1 FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (var rs = query.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A quoted SQL identifier: the name exactly as given. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
