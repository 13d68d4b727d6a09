package io.prodi.bench;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Incremental refresh of a daily-totals gold over a Delta silver: one process does one step, so that
 * bench/run-refresh can time whole processes.
 *
 *   RefreshBenchmark prepare DIR ROWS GROUPS   the silver (change data feed on): ROWS rows in GROUPS (account, day)
 *                                             groups over 100 days; then the gold refreshed once (its first, full)
 *   RefreshBenchmark change DIR PERCENT        one commit updating PERCENT % of the rows: the newest days' (a
 *                                             late correction of recent data, as a day's changes are)
 *   RefreshBenchmark prodi DIR POLICY          the gold's refresh (auto: by key; full: the whole SQL), in process;
 *                                             prints "bench-refresh WAY KEYS SECONDS" (the layer's own time)
 */
public final class RefreshBenchmark {
  private static final int DAYS = 100;
  private static final String SQL = "SELECT account, day, sum(amount) AS total, count(*) AS n, max(amount) AS largest"
      + " FROM tx GROUP BY account, day";

  private RefreshBenchmark() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().appName("prodi-refresh-bench")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "prepare":
        prepare(spark, dir, Long.parseLong(args[2]), Long.parseLong(args[3]));
        break;
      case "change":
        change(spark, dir, Double.parseDouble(args[2]));
        break;
      case "prodi":
        prodi(spark, dir, args[2]);
        break;
      default:
        throw new IllegalArgumentException("Cannot run step " + args[0] + ": prepare, change or prodi");
    }
    spark.stop();
  }

  private static void prepare(SparkSession spark, Path dir, long rows, long groups) throws Exception {
    long accounts = Math.max(1, groups / DAYS);
    spark.sql("CREATE TABLE delta.`" + dir.resolve("silver") + "` (id BIGINT, account STRING, day INT, amount DOUBLE)"
        + " USING delta TBLPROPERTIES (delta.enableChangeDataFeed = true)");
    spark.range(rows).selectExpr("id", "concat('A', (id DIV " + DAYS + ") % " + accounts + ") AS account",
        "CAST(id % " + DAYS + " AS INT) AS day", "round(rand(7) * 1000, 2) AS amount")
        .write().format("delta").mode("append").save(dir.resolve("silver").toString());
    prodi(spark, dir, "auto");
  }

  /** The newest days' rows, PERCENT % of all: 1 % is the last day; 0.1 % a tenth of its accounts. */
  private static void change(SparkSession spark, Path dir, double percent) {
    double days = percent * DAYS / 100;
    String where = days >= 1 ? "day >= " + (DAYS - Math.round(days))
        : "day = " + (DAYS - 1) + " AND (id DIV " + DAYS + ") % " + Math.round(1 / days) + " = 0";
    spark.sql("UPDATE delta.`" + dir.resolve("silver") + "` SET amount = amount + 1 WHERE " + where);
  }

  private static void prodi(SparkSession spark, Path dir, String policy) throws Exception {
    Path config = dir.resolve("gold-" + policy + ".yml");
    Files.writeString(config, "layer: gold\nstate: {uri: state-" + policy + "}\nrefresh: " + policy + "\nio:\n"
        + "  source: {name: tx, format: delta, path: silver, incremental: {by: version}}\n"
        + "  sink: {format: delta, path: gold-" + policy + "}\ntransform:\n  sql: \"" + SQL + "\"\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), new SparkLayerEngine(configs -> spark),
        ConfigFiles::fromSystemProperties);
    long start = System.nanoTime();
    int code = Prodi.execute(new String[] {"run-layer", "-c", config.toString(), "--base-dir", dir.toString()},
        context);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      throw new IllegalStateException("prodi exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
    }
    String summary = out.toString(StandardCharsets.UTF_8);
    String way = field(summary, "\"way\":\"", "\"");
    String keys = field(summary, "\"keys\":", ",").replace("}", "");
    System.out.printf(java.util.Locale.ROOT, "bench-refresh %s %s %.2f%n", way, keys, seconds);
  }

  private static String field(String text, String start, String end) {
    int at = text.lastIndexOf(start);
    if (at < 0) {
      return "-";
    }
    int from = at + start.length();
    int to = text.indexOf(end, from);
    return text.substring(from, to < 0 ? text.length() : to);
  }
}
