package io.prodi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodi.testing.CliRun;
import io.prodi.testing.Rows;
import io.prodi.testing.SharedSpark;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs that used to succeed wrongly or do nothing (issue 16): each now does what it says, or fails cleanly. */
class RunTimeDefectsTest extends EngineTestBase {
  @Test
  void aMergeKeyTheOutputLacksIsAConfigErrorAtItsPathBeforeAnythingIsWritten() {
    String cfg = config("merge.yml", "silver", "    - {path: out/merged, format: delta, mode: merge, "
        + "merge: {keys: [customer_id]}}\n", "");
    CliRun run = run(cfg);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errors()).containsExactly("prodi: error: " + cfg + ": io.sink.merge.keys[0]: Cannot write column "
        + "customer_id: the output has no such column (columns: id, name, country, amount, updated)");
    assertThat(tmp.resolve("out/merged")).doesNotExist();
  }

  /** A misspelt sequence or history column: exit 2 at the key that names it, with the closest column. */
  @Test
  void aMisspeltScd2ColumnNamesItsKeyAndTheClosestColumn() {
    String cfg = config("scd2.yml", "silver", "    - {path: out/history, format: delta, mode: scd2, "
        + "merge: {keys: [id], sequence_by: updatd, track_history: [contry]}}\n", "");
    CliRun run = run(cfg);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.errors()).containsExactly(
        "prodi: error: " + cfg + ": io.sink.merge.sequence_by: Cannot write column updatd: the output has no such "
            + "column, did you mean 'updated'? (columns: id, name, country, amount, updated)",
        "prodi: error: " + cfg + ": io.sink.merge.track_history[0]: Cannot write column contry: the output has no "
            + "such column, did you mean 'country'? (columns: id, name, country, amount, updated)");
    assertThat(tmp.resolve("out/history")).doesNotExist();
    // nothing written but the event log's record of the failed run (every real run has one)
    assertThat(Rows.of(spark().read().format("delta").load(at("data/_state/_events")), "status")).containsExactly("failed");
  }

  @Test
  void anExpectationOnAColumnTheOutputLacksIsAConfigErrorAtItsPathButColumnsExistIsACheck() {
    String cfg = config("dq.yml", "silver", "    - {path: out/people}\n", "dq:\n  expectations:\n"
        + "    - {type: columns_exist, columns: [id, nickname], severity: warn}\n"
        + "    - {type: not_null, column: nmae}\n    - {type: unique, columns: [id, countr]}\n");
    CliRun run = run(cfg);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.errors()).containsExactly(
        "prodi: error: " + cfg + ": dq.expectations[1].column: Cannot check column nmae: the output has no such column, "
            + "did you mean 'name'? (columns: id, name, country, amount, updated)",
        "prodi: error: " + cfg + ": dq.expectations[2].columns[1]: Cannot check column countr: the output has no such "
            + "column, did you mean 'country'? (columns: id, name, country, amount, updated)");
    assertThat(tmp.resolve("out/people")).doesNotExist();
    CliRun warned = succeed(config("ok.yml", "silver", "    - {path: out/people}\n", "dq:\n  expectations:\n"
        + "    - {type: columns_exist, columns: [id, nickname], severity: warn}\n"));
    assertThat(warned.errLines()).anyMatch(l -> l.contains("nickname"));
  }

  @Test
  void overwritingAPartitionedTableReplacesOnlyThePartitionsWritten() {
    String table = "people_by_country_" + System.nanoTime();
    try {
      succeed(config("t1.yml", "silver", "    - {type: table, table: " + table + ", format: parquet, mode: overwrite, "
          + "partition_by: [country]}\n", ""));
      succeed(config("t2.yml", "silver", "    - {type: table, table: " + table + ", format: parquet, mode: overwrite, "
          + "partition_by: [country]}\n", "transform: {sql: \"SELECT id, name, amount, updated, country FROM __INPUT__"
          + " WHERE country = 'CO' AND id = 1\"}\n"));
      assertThat(Rows.of(spark().table(table), "id", "country")).containsExactly("1|CO", "3|MX", "4|US");
    } finally {
      spark().sql("DROP TABLE IF EXISTS " + table);
    }
  }

  @Test
  void managedIdentityWithADriverThatCannotUseItIsRefusedBeforeAnyQuery() {
    String cfg = folder.write("mi.yml", "layer: raw\nio:\n  source: {type: jdbc, url: 'jdbc:postgresql://db.example.com"
        + ":5432/x?sslmode=require', table: t, auth: {mode: managed_identity}}\n  sink: {path: out/mi}\n");
    CliRun validate = SharedSpark.prodi("validate", "-c", cfg);
    assertThat(validate.exitCode()).isZero();
    assertThat(validate.err()).contains("prodi: warning: " + cfg + ": io.source.auth.mode: Cannot log in with "
        + "managed_identity to postgresql: only SQL Server's driver (jdbc:sqlserver:) logs in with a managed identity "
        + "by itself; use basic_env (managed_identity)");
    CliRun real = SharedSpark.prodi(Map.of(), "run-layer", "-c", cfg, "--base-dir", tmp.toString());
    assertThat(real.exitCode()).isEqualTo(2);
    assertThat(real.errors()).singleElement().asString().contains("Cannot log in with managed_identity to postgresql");
    assertThat(tmp.resolve("out/mi")).doesNotExist();
  }
}
