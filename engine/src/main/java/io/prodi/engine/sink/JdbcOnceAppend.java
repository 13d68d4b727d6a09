package io.prodi.engine.sink;

import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.JdbcSinkSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteTxn;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.jdbc.JdbcDialect;
import org.apache.spark.sql.jdbc.JdbcDialects;

/**
 * An incremental run's append to a database table, exactly once: Spark writes the rows into a staging table of
 * the run; then one database transaction moves them into the table and records the run's identity in
 * {@code prodi_commits(app_id, version)} (created on first use, beside the table). A rerun after a crash finds the
 * row and appends nothing, so the rows are in the table once whichever step the crash hit: before the
 * transaction nothing is in the table, after it the row says so.
 */
final class JdbcOnceAppend {
  static final String COMMITS = "prodi_commits";

  private JdbcOnceAppend() {}

  static SinkResult write(JdbcSinkSpec spec, Dataset<Row> output, StepContext context, WriteTxn txn,
      Map<String, String> options) {
    String appId = txn.appId(spec.url() + " " + spec.table());
    String stage = stagingTable(spec.table(), txn);
    JdbcDialect dialect = JdbcDialects.get(spec.url());
    try (Connection connection = connect(spec, options)) {
      ensureCommitsTable(connection);
      if (committed(connection, appId, txn.version())) {
        context.console().progress("[" + context.layer() + "] " + spec.table() + ": an earlier attempt of this run "
            + "committed these rows (" + COMMITS + " version " + txn.version() + "); not appended again");
        return SinkResult.alreadyWritten("committed by an earlier attempt (" + COMMITS + " version " + txn.version() + ")");
      }
      if (!exists(connection, spec.table())) {
        output.limit(0).write().format("jdbc").options(options).option("dbtable", spec.table()).mode(SaveMode.Append)
            .save(); // the table as Spark would create it, empty
      }
      output.write().format("jdbc").options(options).option("dbtable", stage).mode(SaveMode.Overwrite).save();
      String columns = Arrays.stream(output.columns()).map(dialect::quoteIdentifier).collect(Collectors.joining(", "));
      connection.setAutoCommit(false);
      try (Statement move = connection.createStatement();
          PreparedStatement mark = connection.prepareStatement("INSERT INTO " + COMMITS
              + " (app_id, version, committed_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
        move.executeUpdate("INSERT INTO " + spec.table() + " (" + columns + ") SELECT " + columns + " FROM " + stage);
        mark.setString(1, appId);
        mark.setLong(2, txn.version());
        mark.executeUpdate();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
      connection.setAutoCommit(true);
      try (Statement drop = connection.createStatement()) {
        drop.executeUpdate("DROP TABLE " + stage);
      }
      return SinkResult.allRows();
    } catch (SQLException e) {
      throw new RunFailure("Cannot append to jdbc sink " + spec.table() + " exactly once: " + RunFailure.firstLine(e)
          + " (" + spec.url() + ")", e);
    }
  }

  /** The run's staging table: the table's name, then the run's generation (a rerun reuses and replaces it). */
  static String stagingTable(String table, WriteTxn txn) {
    String name = table + "_prodi_stage_g" + txn.version();
    return name.length() <= 63 ? name : name.substring(0, 40) + "_" + Integer.toHexString(name.hashCode());
  }

  private static Connection connect(JdbcSinkSpec spec, Map<String, String> options) throws SQLException {
    spec.driver().ifPresent(driver -> {
      try {
        Class.forName(driver);
      } catch (ClassNotFoundException e) {
        throw new RunFailure("Cannot load JDBC driver " + driver + ": not on the class path (" + driver + ")", e);
      }
    });
    Properties props = new Properties();
    options.forEach((key, value) -> {
      if (!key.equals("url") && !key.equals("driver") && !key.equals("dbtable")) {
        props.setProperty(key, value);
      }
    });
    return DriverManager.getConnection(spec.url(), props);
  }

  private static void ensureCommitsTable(Connection connection) throws SQLException {
    if (!exists(connection, COMMITS)) {
      try (Statement create = connection.createStatement()) {
        create.executeUpdate("CREATE TABLE " + COMMITS + " (app_id VARCHAR(1024) NOT NULL, version BIGINT NOT NULL, "
            + "committed_at TIMESTAMP, PRIMARY KEY (app_id, version))");
      } catch (SQLException e) {
        if (!exists(connection, COMMITS)) { // another run created it first
          throw e;
        }
      }
    }
  }

  private static boolean committed(Connection connection, String appId, long version) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM " + COMMITS
        + " WHERE app_id = ? AND version = ?")) {
      query.setString(1, appId);
      query.setLong(2, version);
      try (ResultSet found = query.executeQuery()) {
        return found.next();
      }
    }
  }

  /** Whether a table exists, looked up as the database stores names (lower, upper or as written). */
  private static boolean exists(Connection connection, String qualified) throws SQLException {
    String[] parts = qualified.split("\\.");
    String table = parts[parts.length - 1];
    String schema = parts.length > 1 ? parts[parts.length - 2] : null;
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : new String[] {table, table.toLowerCase(java.util.Locale.ROOT),
        table.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet found = meta.getTables(null, schema, name, null)) {
        if (found.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
