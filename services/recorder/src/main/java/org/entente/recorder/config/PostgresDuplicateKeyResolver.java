package org.entente.recorder.config;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.stereotype.Component;

/**
 * Tells Axon's JDBC event store when an append failed on a unique key, i.e. another command stored
 * that aggregate sequence number first. Axon's default resolver only knows {@code
 * SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws (it reports
 * SQLState 23505, often wrapped in a BatchUpdateException); without this, a lost race surfaces as a
 * generic EventStoreException instead of Axon's ConcurrencyException /
 * AggregateStreamCreationException.
 */
@Component
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

  static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
