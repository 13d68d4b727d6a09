package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.FaultyFileSystem;
import io.prodi.testing.FaultyFileSystem.Operation;
import io.prodi.testing.RunOutput;
import io.prodi.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A refresh by key stopped at each point of its run (an injected failure of the file system, as a crash there would
 * stop it), then rerun: the gold and its CSV extract equal the SQL run whole over the silver's current version, and the
 * next refresh is still by key.
 */
class RefreshCrashTest extends LayerTestBase {
  private static final String DAILY = "SELECT account, day, sum(amount) AS total, count(*) AS n FROM tx "
      + "GROUP BY account, day";

  /** Where the run stops. */
  enum CrashPoint {
    DURING_THE_MERGE(Operation.CREATE, ".*/gold/part-.*"),
    DURING_THE_EXTRACT(Operation.CREATE, ".*/gold_csv/.*part-.*"),
    AFTER_THE_SINKS_BEFORE_THE_STATE_COMMIT(Operation.CREATE, ".*/state/.*/_tmp-.*");

    final Operation operation;
    final String pattern;

    CrashPoint(Operation operation, String pattern) {
      this.operation = operation;
      this.pattern = pattern;
    }
  }

  @AfterEach
  void disarm() {
    FaultyFileSystem.disarm();
  }

  private void sql(String statement) {
    spark().sql(statement.replace("SILVER", "delta.`" + at("silver") + "`"));
  }

  @ParameterizedTest
  @EnumSource(CrashPoint.class)
  void aRerunAfterACrashLeavesTheGoldARefreshWouldLeave(CrashPoint point) {
    spark().sql("CREATE TABLE delta.`" + at("silver") + "` (account STRING, day STRING, amount DOUBLE) USING delta "
        + "TBLPROPERTIES (delta.enableChangeDataFeed = true)");
    sql("INSERT INTO SILVER VALUES ('a', 'd1', 1.0), ('a', 'd1', 2.0), ('b', 'd2', 5.0)");
    folder.write("env.yml", "name: faulty\nstorage:\n  file:\n    hadoop:\n"
        + "      fs.file.impl: " + FaultyFileSystem.class.getName() + "\n      fs.file.impl.disable.cache: 'true'\n");
    String cfg = folder.write("gold.yml", "layer: gold\nenvironment_config: env.yml\nstate: {uri: state}\n"
        + "refresh: incremental\nio:\n  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n"
        + "  sink:\n    - {path: gold, format: delta}\n    - {path: gold_csv, format: csv, coalesce: 1}\n"
        + "transform:\n  sql: \"" + DAILY + "\"\n");
    succeed(cfg);
    sql("DELETE FROM SILVER WHERE account = 'b'");
    sql("UPDATE SILVER SET amount = 4.0 WHERE amount = 2.0");
    sql("INSERT INTO SILVER VALUES ('c', 'd1', 3.0)");

    FaultyFileSystem.failOn(point.operation, point.pattern, 1);
    RunOutput crashed = run(cfg);
    assertThat(FaultyFileSystem.fired()).as("the fault fired").isEqualTo(1);
    assertThat(crashed.exitCode()).isEqualTo(1);
    FaultyFileSystem.disarm();

    RunOutput rerun = succeed(cfg);
    assertThat(summary(rerun).path("refresh").path("way").asText()).isEqualTo("incremental");
    assertFull();
    sql("INSERT INTO SILVER VALUES ('a', 'd2', 7.0)");
    assertThat(summary(succeed(cfg)).path("refresh").path("keys").asLong()).isEqualTo(1);
    assertFull();
  }

  private void assertFull() {
    spark().read().format("delta").load(at("silver")).createOrReplaceTempView("tx");
    java.util.List<String> expected = Rows.of(spark().sql(DAILY));
    assertThat(Rows.of(spark().read().format("delta").load(at("gold")))).containsExactlyElementsOf(expected);
    assertThat(Rows.of(spark().read().schema("account STRING, day STRING, total DOUBLE, n BIGINT")
        .csv(at("gold_csv")))).containsExactlyElementsOf(expected);
  }
}
