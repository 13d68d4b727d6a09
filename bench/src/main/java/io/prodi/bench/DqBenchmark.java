package io.prodi.bench;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel$;
import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.yaml.ConfigFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * 1, 4, 8 and 16 row-level expectations on generated rows, in one JVM and one session: prodi's layer
 * (read, one-pass checks, no sink written; the whole run, with its row in the event log), the Python
 * version's way (one filter().count() per expectation), and Deequ's VerificationSuite with the same constraints. Prints medians and ratios.
 *
 *   DqBenchmark [rows=5000000] [repetitions=3]
 */
public final class DqBenchmark {
  /** name, prodi YAML, the SQL condition a failing row meets (for the other two). */
  private static final String[][] EXPECTATIONS = {
      {"account_present", "{type: not_null, column: account_id}", "account_id IS NULL"},
      {"quantity_positive", "{type: non_negative, column: quantity}", "quantity < 0"},
      {"currency_known", "{type: valid_values, column: currency, values: [USD, EUR, COP]}", "currency NOT IN ('USD', 'EUR', 'COP')"},
      {"amount_bounded", "{type: range, column: amount, min: -100000000, max: 100000000}", "amount < -100000000 OR amount > 100000000"},
      {"amount_non_zero", "{type: condition, expr: 'amount <> 0'}", "NOT (amount <> 0)"},
      {"email_has_at", "{type: regex, column: email, pattern: '@'}", "NOT (email RLIKE '@')"},
      {"email_present", "{type: not_null, column: email}", "email IS NULL"},
      {"country_known", "{type: valid_values, column: country, values: [CO, MX, US, ES]}", "country NOT IN ('CO', 'MX', 'US', 'ES')"},
      {"score_percent", "{type: range, column: score, min: 0, max: 100}", "score < 0 OR score > 100"},
      {"ts_present", "{type: not_null, column: ts}", "ts IS NULL"},
      {"channel_known", "{type: valid_values, column: channel, values: [web, app, branch]}", "channel NOT IN ('web', 'app', 'branch')"},
      {"score_positive", "{type: non_negative, column: score}", "score < 0"},
      {"quantity_small", "{type: condition, expr: 'quantity < 1000'}", "NOT (quantity < 1000)"},
      {"description_words", "{type: regex, column: description, pattern: '^[a-z0-9 ]+$'}", "NOT (description RLIKE '^[a-z0-9 ]+$')"},
      {"date_present", "{type: not_null, column: posted_date}", "posted_date IS NULL"},
      {"quantity_bounded", "{type: range, column: quantity, min: 0, max: 500}", "quantity < 0 OR quantity > 500"},
  };

  private DqBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SparkSession spark = SparkSession.builder().appName("prodi-dq-bench").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        // as prodi's own sessions: each run appends its row to the event log, a Delta table
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
    Path dir = Files.createTempDirectory("prodi-dq-bench");
    String data = dir.resolve("tx").toString();
    BenchData.transactions(spark, rows).write().parquet(data);
    System.out.printf("%,d rows of generated transactions; %d repetitions, medians; one JVM, one session%n%n",
        rows, repetitions);
    System.out.println("| expectations | prodi (one pass) | filter().count() each | Deequ VerificationSuite "
        + "| Python way / prodi | Deequ / prodi | prodi k / prodi 1 |");
    System.out.println("|---|---|---|---|---|---|---|");
    double prodiOne = 0;
    for (int k : new int[] {1, 4, 8, 16}) {
      String config = prodiConfig(dir, data, k);
      List<Long> prodi = new ArrayList<>();
      List<Long> python = new ArrayList<>();
      List<Long> deequ = new ArrayList<>();
      for (int r = 0; r < repetitions; r++) {
        prodi.add(time(() -> runProdi(spark, config, dir)));
        python.add(time(() -> pythonWay(spark, data, k)));
        deequ.add(time(() -> deequ(spark, data, k)));
      }
      double p = median(prodi);
      if (k == 1) {
        prodiOne = p;
      }
      System.out.printf("| %d | %.2f s | %.2f s | %.2f s | %.2f | %.2f | %.2f |%n", k, p / 1e3, median(python) / 1e3,
          median(deequ) / 1e3, median(python) / p, median(deequ) / p, p / prodiOne);
    }
    spark.stop();
  }

  private static String prodiConfig(Path dir, String data, int k) throws java.io.IOException {
    StringBuilder yaml = new StringBuilder("layer: silver\nio:\n  source: {format: parquet, path: '" + data + "'}\n"
        + "  sink: {kind: noop}\ndq:\n  expectations:\n");
    for (int i = 0; i < k; i++) {
      String spec = EXPECTATIONS[i][1];
      yaml.append("    - ").append(spec, 0, spec.length() - 1).append(", name: ").append(EXPECTATIONS[i][0])
          .append(", severity: warn}\n");
    }
    Path file = dir.resolve("silver-" + k + ".yml");
    Files.writeString(file, yaml.toString());
    return file.toString();
  }

  private static long runProdi(SparkSession spark, String config, Path dir) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
    CliContext context = new CliContext(quiet, quiet, Map.of(), new SparkLayerEngine(configs -> spark),
        ConfigFiles::fromSystemProperties);
    int code = Prodi.execute(new String[] {"run-layer", "-c", config, "--base-dir", dir.toString()}, context);
    if (code != 0) {
      throw new IllegalStateException("prodi exited " + code + ": " + sink.toString(StandardCharsets.UTF_8));
    }
    return code;
  }

  private static long pythonWay(SparkSession spark, String data, int k) {
    long failures = 0;
    for (int i = 0; i < k; i++) {
      failures += spark.read().parquet(data).where("coalesce(" + EXPECTATIONS[i][2] + ", false)").count();
    }
    return failures;
  }

  private static long deequ(SparkSession spark, String data, int k) {
    Dataset<Row> frame = spark.read().parquet(data);
    Check check = new Check(CheckLevel$.MODULE$.Error(), "bench", scala.collection.immutable.List$.MODULE$.empty());
    for (int i = 0; i < k; i++) {
      check = check.satisfies("coalesce(NOT (" + EXPECTATIONS[i][2] + "), true)", EXPECTATIONS[i][0], Check.IsOne(),
          Option.empty(), scala.collection.immutable.List$.MODULE$.empty(), Option.empty());
    }
    VerificationResult result = new VerificationSuite().onData(frame).addCheck(check).run();
    return result.status().id();
  }

  private static long time(LongSupplier work) {
    long start = System.nanoTime();
    work.getAsLong();
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
