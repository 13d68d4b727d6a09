package io.prodi.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * The finance example pipeline written by hand, as a competent engineer would: the same four
 * layers, the same outputs (parquet raw, Delta merge bronze, Delta silver with the same checks,
 * quarantine and drop, Delta and CSV gold), the same Spark settings, one JVM.
 *
 *   HandWrittenFinance <base dir with samples/finance/transactions.csv> [input csv]
 *
 * With {@code -Dbench.layers=bronze} (a comma-separated list) it runs only those layers, for the
 * benchmarks that time one layer in a fresh JVM.
 */
public final class HandWrittenFinance {
  private HandWrittenFinance() {}

  public static void main(String[] args) {
    String base = args[0];
    String input = args.length > 1 ? args[1] : base + "/samples/finance/transactions.csv";
    SparkSession spark = SparkSession.builder().appName("handwritten_finance")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", System.getProperty("bench.shuffle.partitions", "4"))
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    java.util.List<String> layers = java.util.Arrays.asList(System.getProperty("bench.layers", "raw,bronze,silver,gold")
        .split(","));
    long start = System.nanoTime();
    timed(layers, "raw", () -> raw(spark, input, base));
    timed(layers, "bronze", () -> bronze(spark, base));
    timed(layers, "silver", () -> silver(spark, base));
    timed(layers, "gold", () -> gold(spark, base));
    System.out.printf("handwritten finance pipeline: %.2f s in Spark%n", (System.nanoTime() - start) / 1e9);
    spark.stop();
  }

  /** Runs one layer when it is in {@code layers} and prints "bench-layer <name> <ms>" for bench/run. */
  private static void timed(java.util.List<String> layers, String layer, Runnable work) {
    if (!layers.contains(layer)) {
      return;
    }
    long start = System.nanoTime();
    work.run();
    System.out.println("bench-layer " + layer + " " + (System.nanoTime() - start) / 1_000_000);
  }

  static void raw(SparkSession spark, String input, String base) {
    spark.read().option("header", "true").schema("transaction_id STRING, account_id STRING, amount DECIMAL(18,2), "
        + "currency STRING, posted_date DATE, description STRING").csv(input)
        .withColumn("transaction_id", trim(col("transaction_id"))).withColumn("account_id", trim(col("account_id")))
        .withColumn("currency", trim(col("currency")))
        .withColumn("_ingestion_ts", current_timestamp()).withColumn("_run_id", lit("hand"))
        .withColumn("_source", input_file_name())
        .write().mode("overwrite").parquet(base + "/data/raw/transactions");
  }

  static void bronze(SparkSession spark, String base) {
    Dataset<Row> latest = spark.read().parquet(base + "/data/raw/transactions").where("transaction_id IS NOT NULL")
        .withColumn("rn", row_number().over(Window.partitionBy("transaction_id").orderBy(col("_ingestion_ts").desc())))
        .where("rn = 1").drop("rn", "_source");
    String path = base + "/data/bronze/transactions";
    if (DeltaTable.isDeltaTable(spark, path)) {
      DeltaTable.forPath(spark, path).as("t").merge(latest.as("s"), "t.transaction_id <=> s.transaction_id")
          .whenMatched().updateAll().whenNotMatched().insertAll().execute();
    } else {
      latest.write().format("delta").save(path);
    }
  }

  static void silver(SparkSession spark, String base) {
    Dataset<Row> data = spark.read().format("delta").load(base + "/data/bronze/transactions")
        .selectExpr("transaction_id", "account_id", "amount", "currency", "posted_date", "description",
            "CASE WHEN amount < 0 THEN 1 ELSE 0 END AS is_reversal")
        .persist(StorageLevel.MEMORY_AND_DISK());
    Column missingAccount = col("account_id").isNull();
    Column badCurrency = col("currency").isin("USD", "EUR", "COP").equalTo(false);
    Column zero = col("amount").equalTo(0);
    Column outOfRange = col("amount").lt(-1e8).or(col("amount").gt(1e8));
    Row checks = data.agg(count(lit(1)), sum(when(missingAccount, 1).otherwise(0)),
        sum(when(badCurrency, 1).otherwise(0)), sum(when(zero, 1).otherwise(0)),
        sum(when(outOfRange, 1).otherwise(0))).collectAsList().get(0);
    long duplicates = data.groupBy("transaction_id").count().where("count > 1").count();
    if (duplicates > 0) {
      throw new IllegalStateException("duplicate transaction ids: " + duplicates);
    }
    Column quarantine = missingAccount.or(badCurrency.and(col("currency").isNotNull()));
    data.where(quarantine).withColumn("_dq_failed", org.apache.spark.sql.functions.array_compact(
        org.apache.spark.sql.functions.array(when(missingAccount, lit("not_null_account_id")),
            when(badCurrency, lit("valid_values_currency")))))
        .withColumn("_dq_run_id", lit("hand"))
        .write().mode("append").parquet(base + "/data/quarantine/transactions");
    data.where(quarantine.or(zero.and(col("amount").isNotNull())).equalTo(false))
        .write().format("delta").mode("overwrite").partitionBy("posted_date")
        .option("partitionOverwriteMode", "dynamic").save(base + "/data/silver/transactions");
    data.unpersist();
    System.out.println("silver checks: " + checks);
  }

  static void gold(SparkSession spark, String base) {
    Dataset<Row> daily = spark.read().format("delta").load(base + "/data/silver/transactions")
        .groupBy("account_id", "currency", "posted_date")
        .agg(sum("amount").cast("decimal(18,2)").as("total_amount"), count(lit(1)).as("transactions"),
            sum("is_reversal").as("reversals"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    daily.write().format("delta").mode("overwrite").save(base + "/data/gold/account_daily");
    daily.coalesce(1).write().mode("overwrite").option("header", "true").csv(base + "/data/gold/account_daily_csv");
    daily.unpersist();
  }
}
