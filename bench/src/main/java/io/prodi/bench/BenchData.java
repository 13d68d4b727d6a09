package io.prodi.bench;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Deterministic generated data (the same rows for the same count, on every machine): finance
 * transactions with duplicates, nulls, invalid currencies, zero and negative amounts.
 */
public final class BenchData {
  private BenchData() {}

  /** {@code rows} transactions; ~2% duplicate ids, ~1% null accounts, ~1% bad currencies, ~3% reversals. */
  public static Dataset<Row> transactions(SparkSession spark, long rows) {
    return spark.range(rows).selectExpr(
        "CASE WHEN pmod(hash(id, 1), 50) = 0 THEN concat('T', id - 1) ELSE concat('T', id) END AS transaction_id",
        "CASE WHEN pmod(hash(id, 2), 100) = 0 THEN NULL ELSE concat('A', pmod(hash(id, 3), 5000)) END AS account_id",
        "CAST(CASE WHEN pmod(hash(id, 4), 33) = 0 THEN -1 ELSE 1 END * pmod(hash(id, 5), 100000) / 100.0"
            + " AS DECIMAL(18,2)) AS amount",
        "element_at(array('USD', 'EUR', 'COP', 'USD', 'EUR', 'COP', 'USD', 'EUR', 'COP', 'GBP'),"
            + " CAST(CASE WHEN pmod(hash(id, 6), 100) = 0 THEN 10 ELSE pmod(hash(id, 7), 9) + 1 END AS INT)) AS currency",
        "date_add(DATE'2024-01-01', CAST(pmod(hash(id, 8), 180) AS INT)) AS posted_date",
        "concat('purchase ', pmod(hash(id, 9), 1000)) AS description",
        "concat('user', pmod(hash(id, 10), 100000), CASE WHEN pmod(hash(id, 11), 200) = 0 THEN '' ELSE '@mail.com' END)"
            + " AS email",
        "element_at(array('CO', 'MX', 'US', 'ES', 'XX'), CAST(pmod(hash(id, 12), 5) + 1 AS INT)) AS country",
        "element_at(array('web', 'app', 'branch'), CAST(pmod(hash(id, 13), 3) + 1 AS INT)) AS channel",
        "CAST(pmod(hash(id, 14), 110) AS INT) AS score",
        "CAST(pmod(hash(id, 15), 600) - 10 AS INT) AS quantity",
        "timestamp_seconds(1717200000 + pmod(hash(id, 16), 86400 * 30)) AS ts");
  }

  /** Writes the transactions as one CSV file set with a header, the format the raw layer reads. */
  public static void writeCsv(SparkSession spark, long rows, String path) {
    transactions(spark, rows).selectExpr("transaction_id", "account_id", "amount", "currency", "posted_date",
        "description").write().mode("overwrite").option("header", "true").csv(path);
  }
}
