package org.entente.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Tests run on a durable server too, so what they measure and prove holds in production. */
class TestPostgresDurabilityTest {

  @Test
  void embeddedTestServer_syncsEveryCommit_andListensOnLoopbackOnly() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                TestPostgres.freshEmbeddedDatabase(), TestPostgres.USER, "");
        Statement statement = connection.createStatement()) {
      assertThat(show(statement, "fsync")).isEqualTo("on");
      assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
      assertThat(show(statement, "full_page_writes")).isEqualTo("on");
      assertThat(show(statement, "listen_addresses")).isEqualTo("localhost");
    }
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
