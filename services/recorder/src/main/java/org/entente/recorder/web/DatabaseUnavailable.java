package org.entente.recorder.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database could not be reached (down, restarting, out of connections)
 * rather than that the request was wrong: such a request is answered 503 with {@code Retry-After},
 * and since its transaction never committed, nothing of it was stored. The service needs no restart
 * once the database is back: the pool opens new connections by itself.
 */
final class DatabaseUnavailable {

  static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      // a rollback on a dead connection fails too, and hides the failure that caused it
      if (t instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null
          && isCause(rollback.getApplicationException())) {
        return true;
      }
      if (t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof TransientDataAccessResourceException
          || t instanceof QueryTimeoutException
          || t instanceof SQLTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      // SQLSTATE class 08: connection exception; 57P0x: server shutting down or restarting;
      // 53300: too many connections. (Lock conflicts and deadlocks are not outages: they stay 409.)
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
          return true;
        }
      }
    }
    return false;
  }
}
