package io.prodi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodi.state.StateStore;
import io.prodi.testing.CliRun;
import io.prodi.testing.LocalPostgres;
import io.prodi.testing.Rows;
import io.prodi.testing.SharedSpark;
import io.prodi.testing.TestApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python prodi's own finance configs, run on fixture data: each file is read from the corpus and
 * only where it reads and writes changes (the API's URL, the database's URL and credentials, the
 * object-store paths become local ones). Everything else (pagination, auth aliases, the quoted
 * watermark placeholder, renames, SQL, expectations, state ids) is the corpus's own, and each output is
 * compared with what the Python version meant, computed here from the fixture rows.
 */
class PythonCorpusRunTest {
  private static final Path FINANCE = PythonCorpusTest.CORPUS.resolve("cfg/finance");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String TOKEN = "finbank-test-token";

  @TempDir
  Path tmp;

  @BeforeAll
  static void corpusIsThere() {
    PythonCorpusTest.corpusIsThere();
  }

  /** The corpus file as a tree, to point its locations at local ones. */
  private static ObjectNode corpusConfig(String relative) throws IOException {
    return (ObjectNode) YAML.readTree(FINANCE.resolve(relative).toFile());
  }

  private String write(String name, ObjectNode config) throws IOException {
    Path file = tmp.resolve(name);
    YAML.writeValue(file.toFile(), config);
    return file.toString();
  }

  /** An object-store path of the corpus ({@code s3://datalake/...}) as a local folder of this test. */
  private String local(String uri) {
    return tmp.resolve("lake").resolve(uri.replaceFirst("^[a-z0-9]+://[^/]+/", "")).toString() + "/";
  }

  private static ObjectNode at(ObjectNode config, String... keys) {
    ObjectNode node = config;
    for (String key : keys) {
      node = (ObjectNode) node.get(key);
    }
    return node;
  }

  private static String page(int number) {
    switch (number) {
      case 1:
        return "[{\"txn_id\": \"T1\", \"account_id\": \"A1\", \"amount\": 10.5, \"currency\": \"USD\","
            + " \"updated_at\": \"2024-06-01T10:00:00Z\"},"
            + " {\"txn_id\": \"T2\", \"account_id\": \"A2\", \"amount\": -4.0, \"currency\": \"EUR\","
            + " \"updated_at\": \"2024-06-02T09:30:00Z\"}]";
      case 2:
        return "[{\"txn_id\": \"T3\", \"account_id\": \"A1\", \"amount\": 7.25, \"currency\": \"COP\","
            + " \"updated_at\": \"2024-06-03T08:00:00Z\"}]";
      default:
        return "[]";
    }
  }

  /**
   * transactions_http.yml: {@code auth: {type: bearer_env, env: FINBANK_TOKEN}} sends the variable's
   * token; {@code param_increment} on {@code page} asks page 1, 2, 3 and stops at the empty page; the
   * Accept header goes out; {@code rename txn_id → transaction_id}; the sink path's {@code {{ds}}} is the
   * logical date; the watermark on updated_at is committed under the corpus's state_id.
   */
  @Test
  void theHttpRawConfigReadsEveryPageWithTheTokenRenamesAndCommitsItsWatermark() throws Exception {
    ObjectNode config = corpusConfig("raw/transactions_http.yml");
    try (TestApi api = TestApi.start()) {
      api.on("/v1/transactions", r -> TestApi.Answer.ok(page(Integer.parseInt(r.param("page")))));
      at(config, "io", "source").put("url", api.url("/v1/transactions"));
      String sinkPath = at(config, "io", "sink").get("path").asText();
      assertThat(sinkPath).isEqualTo("s3://datalake/raw/finance/transactions/date={{ds}}/");
      at(config, "io", "sink").put("path", local(sinkPath));
      String file = write("transactions_http.yml", config);

      CliRun run = SharedSpark.prodi(Map.of("FINBANK_TOKEN", TOKEN), "run-layer", "-c", file, "--base-dir",
          tmp.toString(), "--vars", "ds=2024-06-04");
      assertThat(run.exitCode()).as(run.toString()).isZero();

      assertThat(api.requests).extracting(r -> r.param("page")).containsExactly("1", "2", "3");
      assertThat(api.requests).allSatisfy(r -> {
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.header("Accept")).isEqualTo("application/json");
      });
    }
    Dataset<Row> written = SharedSpark.session().read().parquet(tmp.resolve("lake/raw/finance/transactions/date=2024-06-04")
        .toString());
    assertThat(written.columns()).contains("transaction_id").doesNotContain("txn_id");
    assertThat(Rows.of(written, "transaction_id", "account_id", "currency")).containsExactly(
        "T1|A1|USD", "T2|A2|EUR", "T3|A1|COP");
    assertThat(new StateStore(tmp.resolve("data/_state").toString(), new Configuration())
        .read("raw_fin_transactions_http").orElseThrow().value()).startsWith("2024-06-03");
  }

  /**
   * silver/transactions.yml then gold/kpis.yml on a bronze-shaped fixture: silver keeps the columns
   * and flags reversals (amount below zero), gold sums amounts and reversals per posted date and
   * currency. Expected rows are computed here from the fixture.
   */
  @Test
  void theSilverAndGoldConfigsGiveTheKpisTheirSqlMeans() throws Exception {
    List<Object[]> bronze = List.of(
        new Object[] {"T1", "A1", "M1", "10.50", "USD", "2024-06-01"},
        new Object[] {"T2", "A2", "M1", "-4.00", "EUR", "2024-06-01"},
        new Object[] {"T3", "A1", "M2", "7.25", "USD", "2024-06-01"},
        new Object[] {"T4", "A3", "M2", "-1.25", "USD", "2024-06-01"},
        new Object[] {"T5", "A2", "M3", "100.00", "COP", "2024-06-02"});
    StringBuilder values = new StringBuilder();
    for (Object[] r : bronze) {
      values.append(values.length() == 0 ? "" : ", ").append(String.format("('%s', '%s', '%s', CAST(%s AS DECIMAL(18,2)),"
          + " '%s', DATE'%s')", r));
    }
    SharedSpark.session().sql("SELECT * FROM VALUES " + values + " AS t(transaction_id, account_id, merchant_id,"
        + " amount, currency, posted_date)").write().parquet(local("s3://datalake/bronze/finance/transactions/"));

    ObjectNode silver = corpusConfig("silver/transactions.yml");
    at(silver, "io", "source").put("path", local(at(silver, "io", "source").get("path").asText()));
    at(silver, "io", "sink").put("path", local(at(silver, "io", "sink").get("path").asText()));
    ObjectNode gold = corpusConfig("gold/kpis.yml");
    at(gold, "io", "source").put("path", local(at(gold, "io", "source").get("path").asText()));
    at(gold, "io", "sink").put("path", local(at(gold, "io", "sink").get("path").asText()));
    for (String config : List.of(write("silver.yml", silver), write("gold.yml", gold))) {
      CliRun run = SharedSpark.prodi("run-layer", "-c", config, "--base-dir", tmp.toString());
      assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    Dataset<Row> facts = SharedSpark.session().read().parquet(local("s3://datalake/silver/finance/fact_transactions/"));
    assertThat(Rows.of(facts, "transaction_id", "is_reversal")).containsExactlyElementsOf(bronze.stream()
        .map(r -> r[0] + "|" + (new BigDecimal((String) r[3]).signum() < 0 ? 1 : 0)).sorted().collect(Collectors.toList()));

    Map<String, BigDecimal[]> kpis = new TreeMap<>();
    for (Object[] r : bronze) {
      BigDecimal amount = new BigDecimal((String) r[3]);
      BigDecimal[] sums = kpis.computeIfAbsent(r[5] + "|" + r[4], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(amount);
      sums[1] = sums[1].add(amount.signum() < 0 ? amount : BigDecimal.ZERO);
    }
    List<String> expected = new ArrayList<>();
    kpis.forEach((key, sums) -> expected.add(key + "|" + sums[0].setScale(2) + "|" + sums[1].setScale(2)));
    Dataset<Row> written = SharedSpark.session().read().parquet(local("s3://datalake/gold/finance/kpis/"));
    assertThat(Rows.of(written, "CAST(posted_date AS STRING)", "currency", "CAST(total_amount AS DECIMAL(18,2))",
        "CAST(total_reversals AS DECIMAL(18,2))")).containsExactlyElementsOf(expected);
  }

  /**
   * transactions_jdbc.yml on the local PostgreSQL: its query's quoted {@code '${RAW_WM_TS}'} with
   * {@code >=} reads every row from the default, then from the committed watermark on (the newest row
   * again, as the Python version's {@code >=} meant), with {@code partitioning} on id.
   */
  @Test
  void theJdbcRawConfigReadsFromItsWatermarkWithTheCorpusQuery() throws Exception {
    String table = "transactions";
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, transaction_id TEXT, amount NUMERIC(18,2),"
          + " updated_at TIMESTAMP)");
      s.execute("INSERT INTO " + table + " VALUES (1, 'T1', 10.50, '2024-06-01 10:00:00'),"
          + " (2, 'T2', 3.00, '2024-06-02 10:00:00'), (3, 'T3', 4.75, '2024-06-03 10:00:00')");
    }
    ObjectNode config = corpusConfig("raw/transactions_jdbc.yml");
    ObjectNode source = at(config, "io", "source");
    assertThat(source.get("query").asText()).contains("WHERE updated_at >= '${RAW_WM_TS}'");
    source.put("url", LocalPostgres.URL);
    source.set("auth", YAML.readTree("{mode: env, username_env: PG_USER, password_env: PG_PASSWORD}"));
    String sinkPath = at(config, "io", "sink").get("path").asText();
    at(config, "io", "sink").put("path", local(sinkPath));
    String file = write("transactions_jdbc.yml", config);

    CliRun first = SharedSpark.prodi(LocalPostgres.ENV, "run-layer", "-c", file, "--base-dir", tmp.toString());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.summary().get("sinks").get(0).get("rows").asLong()).isEqualTo(3);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO " + table + " VALUES (4, 'T4', 1.00, '2024-06-04 10:00:00')");
    }
    CliRun second = SharedSpark.prodi(LocalPostgres.ENV, "run-layer", "-c", file, "--base-dir", tmp.toString());
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.summary().get("sinks").get(0).get("rows").asLong()).as(">= the watermark: T3 again, and T4")
        .isEqualTo(2);
    assertThat(new StateStore(tmp.resolve("data/_state").toString(), new Configuration())
        .read("raw_fin_transactions_jdbc").orElseThrow().value()).startsWith("2024-06-04");
  }

  private static Connection connect() throws SQLException {
    LocalPostgres.requireServer();
    return LocalPostgres.connect();
  }
}
