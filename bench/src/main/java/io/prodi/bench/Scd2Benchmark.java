package io.prodi.bench;

import io.delta.tables.DeltaTable;
import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * SCD2 of a customers table: one process does one step, so that bench/run-scd2 can time whole processes.
 *
 *   Scd2Benchmark prepare DIR KEYS PERCENT   the initial table (1 version per key), by prodi and by hand, and
 *                                           a batch changing PERCENT % of the keys (segment changed)
 *   Scd2Benchmark prodi DIR                  prodi's mode: scd2 applies the batch (run-layer, in process)
 *   Scd2Benchmark hand DIR                   Delta's documented SCD2 MERGE applies it, written by hand
 */
public final class Scd2Benchmark {
  private Scd2Benchmark() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("prodi-scd2-bench")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "prepare":
        prepare(spark, dir, Long.parseLong(args[2]), Double.parseDouble(args[3]));
        break;
      case "prodi":
        prodi(spark, dir, "changes");
        break;
      case "hand":
        hand(spark, dir);
        break;
      default:
        throw new IllegalArgumentException("Cannot run step " + args[0] + ": prepare, prodi or hand");
    }
    spark.stop();
  }

  private static Dataset<Row> customers(Dataset<Row> ids, long seq, String segment) {
    return ids.selectExpr("concat('C', id) AS customer_id", seq + "L AS change_seq",
        "concat('name ', id) AS name", "concat('c', id, '@example.com') AS email", segment + " AS segment",
        "element_at(array('CO', 'MX', 'US', 'ES'), cast(id % 4 AS INT) + 1) AS country");
  }

  private static void prepare(SparkSession spark, Path dir, long keys, double percent) throws Exception {
    customers(spark.range(keys).toDF(), 1, "'retail'").write().parquet(dir.resolve("initial").toString());
    prodi(spark, dir, "initial");
    // the hand-written table gets prodi's layout (same files, same rows in each), so that both MERGEs
    // rewrite the same files
    spark.read().format("delta").load(dir.resolve("prodi").toString())
        .write().format("delta").save(dir.resolve("hand").toString());
    // the changed keys are spread over the key space, as real changes are: every file holds some
    long every = Math.max(1, Math.round(100 / percent));
    customers(spark.range(keys).toDF().where("id % " + every + " = 0"), 2, "'enterprise'")
        .write().parquet(dir.resolve("changes").toString());
  }

  private static void prodi(SparkSession spark, Path dir, String input) throws Exception {
    Path config = dir.resolve("silver-" + input + ".yml");
    Files.writeString(config, "layer: silver\nio:\n  source: {format: parquet, path: " + input + "}\n"
        + "  sink: {format: delta, path: prodi, mode: scd2, merge: {keys: [customer_id], sequence_by: change_seq, "
        + "track_history: [segment, country]}}\n");
    CliContext context = new CliContext(System.out, System.err, Map.of(), new SparkLayerEngine(configs -> spark),
        ConfigFiles::fromSystemProperties);
    int code = Prodi.execute(new String[] {"run-layer", "-c", config.toString(), "--base-dir", dir.toString()},
        context);
    if (code != 0) {
      throw new IllegalStateException("prodi exited " + code);
    }
  }

  /**
   * Delta's SCD2 recipe (docs: "slowly changing data (SCD) Type 2 operation into Delta tables"): the
   * changed keys staged twice, once with a null merge key to insert their new version and once keyed
   * to close the current one, in one MERGE.
   */
  private static void hand(SparkSession spark, Path dir) {
    DeltaTable target = DeltaTable.forPath(spark, dir.resolve("hand").toString());
    Dataset<Row> updates = spark.read().parquet(dir.resolve("changes").toString());
    Dataset<Row> newVersions = updates.as("u").join(target.toDF().as("t"),
        org.apache.spark.sql.functions.expr("u.customer_id = t.customer_id AND t._is_current AND "
            + "(u.segment <> t.segment OR u.country <> t.country)"))
        .selectExpr("CAST(NULL AS STRING) AS merge_key", "u.*");
    Dataset<Row> staged = newVersions.unionByName(updates.selectExpr("customer_id AS merge_key", "*"));
    Map<String, String> insert = new java.util.LinkedHashMap<>();
    for (String column : updates.columns()) {
      insert.put(column, "s." + column);
    }
    insert.put("_valid_from", "s.change_seq");
    insert.put("_valid_to", "CAST(NULL AS BIGINT)");
    insert.put("_is_current", "true");
    target.as("t").merge(staged.as("s"), "t.customer_id = s.merge_key")
        .whenMatched("t._is_current AND (t.segment <> s.segment OR t.country <> s.country)")
        .updateExpr(Map.of("_is_current", "false", "_valid_to", "s.change_seq"))
        .whenNotMatched().insertExpr(insert)
        .execute();
  }
}
