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
  void aMergeKeyTheOutputLacksFailsBeforeAnythingIsWritten() {
    CliRun run = run(config("merge.yml", "silver", "    - {path: out/merged, format: delta, mode: merge, "
        + "merge: {keys: [customer_id]}}\n", ""));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errors()).containsExactly("prodi: error: io.sink: Cannot write column customer_id: the output has "
        + "no such column (columns: id, name, country, amount, updated)");
    assertThat(tmp.resolve("out/merged")).doesNotExist();
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
