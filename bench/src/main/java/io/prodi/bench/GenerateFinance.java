package io.prodi.bench;

import org.apache.spark.sql.SparkSession;

/**
 * Writes the generated finance transactions (BenchData: duplicates, nulls, invalid currencies,
 * zero and negative amounts; the same rows for the same count) as the CSV the raw layer reads.
 *
 *   GenerateFinance <rows> <output folder>
 */
public final class GenerateFinance {
  private GenerateFinance() {}

  public static void main(String[] args) {
    long rows = Long.parseLong(args[0]);
    SparkSession spark = SparkSession.builder().appName("generate_finance").getOrCreate();
    BenchData.writeCsv(spark, rows, args[1]);
    spark.stop();
  }
}
