package io.prodi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

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

  /** Skips (or, under CI, fails) the calling test when the server refuses connections. */
  public static void requireServer() {
    try (Connection ignored = connect()) {
      return;
    } catch (SQLException e) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException("Cannot reach PostgreSQL on 127.0.0.1:5432 under CI: " + e.getMessage(), e);
      }
      Assumptions.abort("PostgreSQL is not running: start it with bin/local-postgres start (" + e.getMessage() + ")");
    }
  }
}
