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
 * Reads a PostgreSQL table of generated rows through prodi's jdbc source with 1, 2 and 4 partitions
 * (a noop sink: the read is what is measured) and prints rows/s and ratios. The table is loaded by
 * bench/run-jdbc. Usage: JdbcBenchmark TABLE ROWS [repetitions]
 */
public final class JdbcBenchmark {
  private JdbcBenchmark() {}

  public static void main(String[] args) throws Exception {
    String table = args[0];
    long rows = Long.parseLong(args[1]);
    int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder().appName("prodi-jdbc-bench").config("spark.ui.enabled", "false")
        .getOrCreate();
    Path dir = Files.createTempDirectory("prodi-jdbc-bench");
    Map<String, String> env = Map.of("PG_USER", "prodi_etl", "PG_PASSWORD",
        System.getenv().getOrDefault("PRODI_PG_PASSWORD", "prodi-local-test"));
    System.out.printf("%,d rows in PostgreSQL 15 (TLS), read through prodi's jdbc source; median of %d%n%n", rows,
        repetitions);
    System.out.println("| partitions | seconds | rows/s | time vs 1 partition |");
    System.out.println("|---|---|---|---|");
    double one = 0;
    for (int partitions : new int[] {1, 2, 4}) {
      Path config = dir.resolve("jdbc-" + partitions + ".yml");
      Files.writeString(config, "layer: raw\nio:\n  source: {type: jdbc, url: 'jdbc:postgresql://127.0.0.1:5432/prodi"
          + "?sslmode=require', table: " + table + ", options: {fetchsize: '10000'}, auth: {user_env: PG_USER, "
          + "password_env: PG_PASSWORD}" + (partitions == 1 ? "" : ", partitioning: {column: id, num_partitions: "
          + partitions + "}") + "}\n  sink: {format: noop, path: unused, mode: overwrite}\n");
      long[] times = new long[repetitions];
      for (int r = 0; r < repetitions; r++) {
        long start = System.nanoTime();
        run(spark, env, config.toString(), dir);
        times[r] = (System.nanoTime() - start) / 1_000_000;
      }
      java.util.Arrays.sort(times);
      double seconds = times[repetitions / 2] / 1000.0;
      if (partitions == 1) {
        one = seconds;
      }
      System.out.printf("| %d | %.2f | %,.0f | %.2f |%n", partitions, seconds, rows / seconds, seconds / one);
    }
    spark.stop();
  }

  private static void run(SparkSession spark, Map<String, String> env, String config, Path dir) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(captured, true, StandardCharsets.UTF_8);
    int code = Prodi.execute(new String[] {"run-layer", "-c", config, "--base-dir", dir.toString()},
        new CliContext(quiet, quiet, env, new SparkLayerEngine(c -> spark), ConfigFiles::fromSystemProperties));
    if (code != 0) {
      throw new IllegalStateException("prodi exited " + code + ": " + captured.toString(StandardCharsets.UTF_8));
    }
  }
}
