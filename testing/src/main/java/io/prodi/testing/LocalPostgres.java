package io.prodi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The local PostgreSQL the jdbc tests use (bin/local-postgres start, over TLS; bin/test starts it).
 * Without it a test is skipped on a developer's machine, and fails under CI ({@code CI} set).
 */
public final class LocalPostgres {
  public static final String PASSWORD = System.getenv().getOrDefault("PRODI_PG_PASSWORD", "prodi-local-test");
  public static final String URL = "jdbc:postgresql://127.0.0.1:5432/prodi?sslmode=require";
  public static final String USER = "prodi_etl";
  /** The variables a config's {@code user_env: PG_USER, password_env: PG_PASSWORD} read. */
  public static final Map<String, String> ENV = Map.of("PG_USER", USER, "PG_PASSWORD", PASSWORD);

  private LocalPostgres() {}

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  /** Fails the calling test when the server refuses connections (see {@link Required}). */
  public static void requireServer() {
    try (Connection ignored = connect()) {
      return;
    } catch (SQLException e) {
      Required.missing("PostgreSQL does not answer on 127.0.0.1:5432: " + e.getMessage(),
          "start it with bin/local-postgres start", e);
    }
  }
}
