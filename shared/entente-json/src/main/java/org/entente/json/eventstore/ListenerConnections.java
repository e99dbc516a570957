package org.entente.json.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections for LISTEN: held for as long as the listener runs, so never one of the pool's. */
public final class ListenerConnections {

  private ListenerConnections() {}

  /** A connection of its own to the pool's database (the pool's own when it is no Hikari pool). */
  public static Connection open(DataSource dataSource) throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
      return DriverManager.getConnection(
          hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
    }
    return dataSource.getConnection();
  }
}
