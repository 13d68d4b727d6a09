package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import org.junit.jupiter.api.Test;

/**
 * {@code refresh}: the gold holds what its SQL gives over the silver's current version, after inserts, updates and
 * deletes; by key when the shape and the state allow, in full (and saying why) when they do not; and a Delta table
 * prodi creates keeps its change data feed, with the declared table properties.
 */
class RefreshTest extends LayerTestBase {
  private static final String DAILY = "SELECT account, day, sum(amount) AS total, count(*) AS n, min(amount) AS low, "
      + "count(DISTINCT note) AS notes FROM tx GROUP BY account, day";

  private void silver() {
    spark().sql("CREATE TABLE delta.`" + at("silver") + "` (account STRING, day STRING, amount DOUBLE, note STRING) "
        + "USING delta TBLPROPERTIES (delta.enableChangeDataFeed = true)");
  }

  private void sql(String statement) {
    spark().sql(statement.replace("SILVER", "delta.`" + at("silver") + "`"));
  }

  private String gold(String refresh, String sql) {
    return folder.write("gold.yml", "layer: gold\nstate: {uri: state}\nrefresh: " + refresh + "\nio:\n"
        + "  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n"
        + "  sink: {path: gold, format: delta}\ntransform:\n  sql: \"" + sql + "\"\n");
  }

  /** The gold's rows, and what the same SQL gives over the silver's current version. */
  private void assertGoldIsTheFullResult(String sql, String... columns) {
    spark().read().format("delta").load(at("silver")).createOrReplaceTempView("tx");
    assertThat(Rows.of(spark().read().format("delta").load(at("gold")), columns))
        .containsExactlyElementsOf(Rows.of(spark().sql(sql), columns));
  }

  private static JsonNode refreshOf(RunOutput run) {
    return run.summary().path("refresh");
  }

  @Test
  void aGroupByIsRefreshedByTheKeysItsChangesTouchAndEqualsTheFullResult() {
    silver();
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0, 'x'), ('a', 'd1', 2.0, 'y'), ('b', 'd1', 5.0, 'x'), "
        + "('c', 'd2', 7.0, null), (null, 'd2', 3.0, 'z')");
    String cfg = gold("auto", DAILY);
    RunOutput first = succeed(cfg);
    assertThat(refreshOf(first).path("way").asText()).isEqualTo("full");
    assertThat(refreshOf(first).path("why").asText()).isEqualTo("the first refresh (no refresh state)");
    String[] columns = {"account", "day", "total", "n", "low", "notes"};
    assertGoldIsTheFullResult(DAILY, columns);

    sql("UPDATE SILVER SET amount = 10.0 WHERE account = 'a' AND amount = 2.0"); // a's group changes
    sql("DELETE FROM SILVER WHERE account = 'b'"); // b's group empties
    sql("INSERT INTO SILVER VALUES ('e', 'd3', 4.0, 'w'), (null, 'd2', 1.0, 'z')"); // a new group; the null group grows
    RunOutput second = succeed(cfg);
    assertThat(refreshOf(second).path("way").asText()).isEqualTo("incremental");
    assertThat(refreshOf(second).path("changes").asText()).isEqualTo("tx versions 2..4");
    assertThat(refreshOf(second).path("keys").asLong()).as("a, b, e and the null account").isEqualTo(4);
    assertGoldIsTheFullResult(DAILY, columns);
    assertThat(Rows.of(spark().read().format("delta").load(at("gold")), "account")).doesNotContain("b");
    assertThat(spark().sql("DESCRIBE HISTORY delta.`" + at("gold") + "`").first().<String>getAs("operation"))
        .isEqualTo("MERGE");

    RunOutput nothing = succeed(cfg);
    assertThat(refreshOf(nothing).path("way").asText()).isEqualTo("incremental");
    assertThat(refreshOf(nothing).path("keys").asLong()).isZero();
    assertGoldIsTheFullResult(DAILY, columns);
  }

  @Test
  void aFilteredProjectionWithKeysIsRefreshedByThoseKeys() {
    silver();
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0, 'x'), ('b', 'd1', -2.0, 'y'), ('c', 'd2', 7.0, 'z')");
    String select = "SELECT account, upper(note) AS note, amount * 2 AS doubled FROM tx WHERE amount > 0";
    String cfg = gold("{policy: incremental, keys: [account]}", select);
    succeed(cfg);
    sql("UPDATE SILVER SET amount = 3.0 WHERE account = 'b'"); // enters the filter
    sql("UPDATE SILVER SET amount = -1.0 WHERE account = 'a'"); // leaves it
    RunOutput second = succeed(cfg);
    assertThat(refreshOf(second).path("way").asText()).isEqualTo("incremental");
    assertGoldIsTheFullResult(select, "account", "note", "doubled");
  }

  @Test
  void autoRefreshesAShapeItCannotKeyInFullAndSaysWhich() {
    silver();
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0, 'x'), ('b', 'd1', 2.0, 'y')");
    String ranked = "SELECT account, amount, rank() OVER (ORDER BY amount) AS r FROM tx";
    String cfg = gold("auto", ranked);
    succeed(cfg);
    sql("INSERT INTO SILVER VALUES ('c', 'd2', 0.5, 'z')");
    RunOutput second = succeed(cfg);
    assertThat(refreshOf(second).path("way").asText()).isEqualTo("full");
    assertThat(refreshOf(second).path("why").asText()).isEqualTo("a window function (OVER)");
    assertThat(second.err()).contains("[gold] refresh auto: full refresh: a window function (OVER)");
    assertGoldIsTheFullResult(ranked, "account", "amount", "r");
  }

  @Test
  void incrementalRefusesAShapeItCannotKeyAfterTheFirstBuildAndSaysHowToRecover() {
    silver();
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0, 'x')");
    String limited = "SELECT account, amount FROM tx ORDER BY amount LIMIT 1";
    String cfg = gold("{policy: incremental, keys: [account]}", limited);
    succeed(cfg);
    sql("INSERT INTO SILVER VALUES ('b', 'd1', 0.5, 'y')");
    RunOutput refused = run(cfg);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errors()).singleElement().asString().isEqualTo("prodi: error: Cannot refresh incrementally: "
        + "LIMIT; run once with refresh: full to rebuild the sink from the sources, then go back to refresh: "
        + "incremental (gold::gold::refresh)");
    assertThat(Rows.of(spark().read().format("delta").load(at("gold")), "account")).containsExactly("a");
  }

  @Test
  void aChangedConfigOrAChangedWholeReadTableRefreshesInFull() {
    silver();
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0, 'x')");
    succeed(gold("auto", DAILY));
    String other = DAILY.replace("min(amount)", "max(amount)");
    RunOutput changed = succeed(gold("auto", other));
    assertThat(refreshOf(changed).path("why").asText()).isEqualTo("the SQL or config changed since the last refresh");
    RunOutput policyOnly = succeed(gold("{policy: auto}", other));
    assertThat(refreshOf(policyOnly).path("way").asText()).as("the policy is not in the fingerprint")
        .isEqualTo("incremental");
  }

  @Test
  void aDeltaTableProdiCreatesHasItsChangeFeedAndTheDeclaredProperties() {
    spark().range(3).write().format("delta").save(at("in"));
    String cfg = folder.write("props.yml", "layer: silver\nio:\n  source: {format: delta, path: in}\n  sink:\n"
        + "    - {path: plain, format: delta, mode: overwrite}\n"
        + "    - {path: tuned, format: delta, mode: overwrite, table_properties: {delta.appendOnly: 'false', "
        + "delta.enableChangeDataFeed: 'false', delta.logRetentionDuration: 'interval 7 days'}}\n");
    succeed(cfg);
    assertThat(properties("plain")).containsEntry("delta.enableChangeDataFeed", "true");
    assertThat(properties("tuned")).containsEntry("delta.enableChangeDataFeed", "false")
        .containsEntry("delta.logRetentionDuration", "interval 7 days");
    long version = spark().sql("DESCRIBE HISTORY delta.`" + at("plain") + "`").count();
    succeed(cfg);
    assertThat(spark().sql("DESCRIBE HISTORY delta.`" + at("plain") + "`").count())
        .as("an existing table's properties are not set again").isEqualTo(version + 1);
  }

  private java.util.Map<String, String> properties(String relative) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (org.apache.spark.sql.Row row : spark().sql("SHOW TBLPROPERTIES delta.`" + at(relative) + "`").collectAsList()) {
      out.put(row.getString(0), row.getString(1));
    }
    return out;
  }
}
