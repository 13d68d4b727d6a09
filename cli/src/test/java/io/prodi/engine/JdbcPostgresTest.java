package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.state.StateStore;
import io.prodi.testing.CliRun;
import io.prodi.testing.LocalPostgres;
import io.prodi.testing.SharedSpark;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * jdbc sources and sinks against a real PostgreSQL over TLS (bin/local-postgres start; .ci/run starts
 * it). Without a server the tests are skipped on a developer's machine, and fail under CI.
 */
class JdbcPostgresTest extends EngineTestBase {
  static final String PASSWORD = LocalPostgres.PASSWORD;
  static final String URL = LocalPostgres.URL;
  static final Map<String, String> ENV = LocalPostgres.ENV;
  private static final AtomicInteger TABLES = new AtomicInteger();
  private String table;

  @BeforeAll
  static void server() {
    LocalPostgres.requireServer();
  }

  static Connection connect() throws SQLException {
    return LocalPostgres.connect();
  }

  static void sql(String... statements) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  static long count(String query) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    }
  }

  @BeforeEach
  void table() throws SQLException {
    table = "orders_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    sql("DROP TABLE IF EXISTS " + table, "CREATE TABLE " + table + " (id INT PRIMARY KEY, item TEXT, updated_at TIMESTAMP)",
        "INSERT INTO " + table + " VALUES (1, 'apple', '2024-06-01 10:00:00'), (2, 'pear', '2024-06-02 10:00:00'),"
            + " (3, 'plum', '2024-06-03 10:00:00')");
  }

  private String source(String extra) {
    return "  source: {name: orders, type: jdbc, url: '" + URL + "', query: \"SELECT * FROM " + table
        + " WHERE updated_at > ${RAW_WM_TS}\", auth: {user_env: PG_USER, password_env: PG_PASSWORD}" + extra + "}\n";
  }

  private String incremental(String sinks) {
    return folder.write("jdbc.yml", "layer: raw\nstate: {uri: state}\nio:\n"
        + source(", incremental: {watermark: {field: updated_at}}") + "  sink:\n" + sinks);
  }

  private CliRun runWithCredentials(String config, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "run-layer";
    args[1] = "-c";
    args[2] = config;
    args[3] = "--base-dir=" + tmp;
    System.arraycopy(more, 0, args, 4, more.length);
    return SharedSpark.prodi(ENV, args);
  }

  @Test
  void aFullLoadThenAnIncrementalRunReadsOnlyTheNewRows() throws Exception {
    String cfg = incremental("    - {path: out/orders, mode: append}\n");
    CliRun first = runWithCredentials(cfg);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.summary().get("sources").get(0).get("rows").asLong()).isEqualTo(3);
    assertThat(first.summary().get("watermarks").get(0).get("after").asText()).isEqualTo("2024-06-03 10:00:00");
    sql("INSERT INTO " + table + " VALUES (4, 'kiwi', '2024-06-04 09:00:00'), (5, 'fig', '2024-06-05 09:00:00'),"
        + " (6, 'late', '2024-06-02 23:00:00')");
    JsonNode second = runWithCredentials(cfg).summary();
    assertThat(second.get("sources").get(0).get("rows").asLong()).isEqualTo(2);
    assertThat(second.get("watermarks").get(0).get("before").asText()).isEqualTo("2024-06-03 10:00:00");
    assertThat(read("parquet", "out/orders").count()).isEqualTo(5);
  }

  @Test
  void aSinkFailureLeavesTheWatermarkAndTheRerunReadsTheRowsAgain() throws Exception {
    folder.write("out/blocked/x", "x");
    String cfg = incremental("    - {path: out/first}\n    - {path: out/blocked, mode: error}\n");
    assertThat(runWithCredentials(cfg).exitCode()).isEqualTo(1);
    assertThat(new StateStore(at("state"), new Configuration()).read("jdbc::orders")).isEmpty();
    new File(at("out/blocked/x")).delete();
    new File(at("out/blocked")).delete();
    CliRun rerun = runWithCredentials(cfg);
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    assertThat(rerun.summary().get("sources").get(0).get("rows").asLong()).isEqualTo(3);
  }

  @Test
  void aPartitionedReadWithDiscoveredBoundsReturnsTheSameRows() throws Exception {
    sql("INSERT INTO " + table + " SELECT g, 'item' || g, TIMESTAMP '2024-06-10 00:00:00' FROM generate_series(10, 60) g");
    String plain = folder.write("plain.yml", "layer: raw\nio:\n  source: {type: jdbc, url: '" + URL + "', table: "
        + table + ", auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n  sink: {path: out/plain}\n");
    String split = folder.write("split.yml", "layer: raw\nio:\n  source: {type: jdbc, url: '" + URL + "', table: "
        + table + ", auth: {user_env: PG_USER, password_env: PG_PASSWORD}, partitioning: {column: id, "
        + "num_partitions: 3}}\n  sink: {path: out/split}\n");
    assertThat(runWithCredentials(plain).exitCode()).isZero();
    CliRun run = runWithCredentials(split);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(io.prodi.testing.Rows.of(read("parquet", "out/split")))
        .isEqualTo(io.prodi.testing.Rows.of(read("parquet", "out/plain"))).hasSize(54);
    assertThat(Arrays.stream(new File(at("out/split")).list()).filter(n -> n.endsWith(".parquet"))).hasSize(3);
  }

  @Test
  void aStoredWatermarkWithQuotesCannotChangeTheQuery() {
    String cfg = incremental("    - {path: out/orders}\n");
    new StateStore(at("state"), new Configuration()).commit("jdbc::orders", "2024-01-01' OR '1'='1", "updated_at",
        "attacker", 0);
    CliRun run = runWithCredentials(cfg);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("invalid input syntax for type timestamp");
    assertThat(tmp.resolve("out/orders")).doesNotExist();
  }

  /** As the Python version wrote it: the placeholder inside quotes, JDBC auth as {@code mode: env}. */
  private String quotedIncremental() {
    return folder.write("quoted.yml", "layer: raw\nstate: {uri: state}\nio:\n  source: {name: orders, type: jdbc, url: '"
        + URL + "', query: \"SELECT * FROM " + table + " WHERE updated_at > '${RAW_WM_TS}'\", auth: {mode: env, "
        + "username_env: PG_USER, password_env: PG_PASSWORD}, incremental: {watermark: {field: updated_at}}}\n"
        + "  sink: {path: out/orders, mode: append}\n");
  }

  @Test
  void aQuotedPlaceholderReadsIncrementallyAsTheBareOneDoes() throws Exception {
    String cfg = quotedIncremental();
    CliRun first = runWithCredentials(cfg);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.summary().get("sources").get(0).get("rows").asLong()).isEqualTo(3);
    sql("INSERT INTO " + table + " VALUES (4, 'kiwi', '2024-06-04 09:00:00'), (5, 'late', '2024-06-02 23:00:00')");
    CliRun second = runWithCredentials(cfg);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.summary().get("sources").get(0).get("rows").asLong()).isEqualTo(1);
    assertThat(io.prodi.testing.Rows.of(read("parquet", "out/orders"), "id")).containsExactlyInAnyOrder("1", "2", "3", "4");
  }

  @Test
  void aStoredWatermarkWithQuotesAndACommentCannotChangeAQuotedPlaceholdersQuery() {
    String cfg = quotedIncremental();
    new StateStore(at("state"), new Configuration()).commit("quoted::raw::orders", "2024-01-01' OR '1'='1' --", "updated_at",
        "attacker", 0);
    CliRun run = runWithCredentials(cfg);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("invalid input syntax for type timestamp");
    assertThat(tmp.resolve("out/orders")).doesNotExist();
  }

  @Test
  void theJdbcSinkOverwritesAndAppends() throws Exception {
    sql("CREATE TABLE " + table + "_mart (id INT, item TEXT, updated_at TIMESTAMP)");
    String sink = "type: jdbc, url: '" + URL + "', table: " + table + "_mart, auth: {user_env: PG_USER, "
        + "password_env: PG_PASSWORD}, options: {batchsize: '500'}";
    String source = "  source: {path: in/people.csv, format: csv, options: {header: 'true'}, schema: 'id INT, item "
        + "STRING, country STRING, amount DOUBLE, updated_at DATE'}\n";
    String overwrite = folder.write("o.yml", "layer: gold\nio:\n" + source + "  sink: {" + sink + ", mode: overwrite}\n"
        + "transform: {sql: 'SELECT id, item, CAST(updated_at AS TIMESTAMP) AS updated_at FROM __INPUT__'}\n");
    assertThat(runWithCredentials(overwrite).exitCode()).isZero();
    assertThat(runWithCredentials(overwrite).exitCode()).isZero();
    assertThat(count("SELECT count(*) FROM " + table + "_mart")).isEqualTo(5);
    String append = folder.write("a.yml", "layer: gold\nio:\n" + source + "  sink: {" + sink + ", mode: append}\n"
        + "transform: {sql: 'SELECT id, item, CAST(updated_at AS TIMESTAMP) AS updated_at FROM __INPUT__'}\n");
    CliRun appended = runWithCredentials(append);
    assertThat(appended.exitCode()).as(appended.toString()).isZero();
    assertThat(count("SELECT count(*) FROM " + table + "_mart")).isEqualTo(10);
    assertThat(appended.summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(5);
  }

  @Test
  void credentialsThatNoVariableSetsComeFromTheHadoopCredentialStore() throws Exception {
    String keystore = "localjceks://file" + tmp.resolve("creds.jceks");
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
    conf.set("hadoop.security.credential.provider.path", keystore);
    org.apache.hadoop.security.alias.CredentialProvider provider =
        org.apache.hadoop.security.alias.CredentialProviderFactory.getProviders(conf).get(0);
    provider.createCredentialEntry("PG_USER", LocalPostgres.USER.toCharArray());
    provider.createCredentialEntry("PG_PASSWORD", PASSWORD.toCharArray());
    provider.flush();
    String cfg = incremental("    - {path: out/orders}\n");
    CliRun missing = SharedSpark.prodi(Map.of(), "run-layer", "-c", cfg, "--base-dir=" + tmp);
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.errors()).anyMatch(line -> line.contains("environment variable PG_PASSWORD is not set"));
    String property = "spark.hadoop.hadoop.security.credential.provider.path";
    System.setProperty(property, keystore); // what spark-submit --conf / a Dataproc job property sets
    try {
      CliRun run = SharedSpark.prodi(Map.of(), "run-layer", "-c", cfg, "--base-dir=" + tmp, "--verbose");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(3);
      assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
    } finally {
      System.clearProperty(property);
    }
  }

  @Test
  void credentialsNeverAppearInOutputEvenWhenTheServerRefuses() {
    String cfg = incremental("    - {path: out/orders}\n");
    CliRun ok = runWithCredentials(cfg, "--verbose");
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(3);
    assertThat(ok.out() + ok.err()).doesNotContain(PASSWORD);
    String wrongDb = folder.write("wrong.yml", "layer: raw\nio:\n  source: {type: jdbc, url: '"
        + URL.replace("/prodi?", "/nope?") + "', table: t, auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n"
        + "  sink: {path: out/x}\n");
    CliRun refused = runWithCredentials(wrongDb, "--verbose");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("Cannot read jdbc source").doesNotContain(PASSWORD);
  }

  @Test
  void theUserNameIsMaskedLikeThePasswordWhereTheServerRepeatsIt() throws Exception {
    String cfg = folder.write("baduser.yml", "layer: raw\nio:\n  source: {type: jdbc, url: '" + URL
        + "', table: t, auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n  sink: {path: out/x}\n"
        + "lineage: {transport: file, path: " + tmp.resolve("lineage.jsonl") + "}\n");
    CliRun refused = SharedSpark.prodi(Map.of("PG_USER", "etl_intruder_7", "PG_PASSWORD", "not-the-password"),
        "run-layer", "-c", cfg, "--base-dir", tmp.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errors()).singleElement().asString().contains("password authentication failed for user")
        .contains("****").doesNotContain("etl_intruder_7", "not-the-password");
    // the event log's row and the lineage's FAIL event carry the same masked error
    String error = spark().read().format("delta").load(tmp.resolve("data/_state/_events").toString())
        .select("error").first().getString(0);
    assertThat(error).contains("password authentication failed for user", "****").doesNotContain("etl_intruder_7");
    String lineage = java.nio.file.Files.readString(tmp.resolve("lineage.jsonl"));
    assertThat(lineage.lines()).hasSize(2);
    assertThat(lineage).contains("\"eventType\":\"FAIL\"", "password authentication failed for user", "****")
        .doesNotContain("etl_intruder_7", "not-the-password");
  }

  /** docs/run/troubleshooting.md: a URL whose driver is not on the class path. */
  @Test
  void aUrlWithoutItsDriverOnTheClassPathSaysNoSuitableDriver() {
    String cfg = folder.write("nodriver.yml", "layer: raw\nio:\n  source: {name: orders, type: jdbc, url: "
        + "'jdbc:mysql://127.0.0.1:3306/shop', table: t, auth: {user_env: PG_USER, password_env: PG_PASSWORD}}\n"
        + "  sink: {path: out/x}\n");
    CliRun run = runWithCredentials(cfg);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errors()).singleElement().asString()
        .startsWith("prodi: error: Cannot read jdbc source orders: No suitable driver");
    assertThat(java.nio.file.Files.exists(tmp.resolve("out/x"))).isFalse();
  }
}
