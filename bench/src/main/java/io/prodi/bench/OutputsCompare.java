package io.prodi.bench;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares what two runs wrote under their {@code data/<layer>/<name>} folders (Delta or Parquet), without
 * the run's own columns ({@code _run_id}, {@code _ingestion_ts}, ...) and without prodi's own folders
 * ({@code data/_state}: the watermarks and the event log, which name each run). Prints one line per output; exits 1
 * when any differ. Usage: {@code OutputsCompare DIR_A DIR_B}.
 */
public final class OutputsCompare {
  private OutputsCompare() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("prodi_outputs_compare")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
    int outputs = 0;
    int different = 0;
    for (File layer : list(new File(args[0], "data"))) {
      for (File output : list(layer)) {
        String relative = "data/" + layer.getName() + "/" + output.getName();
        Dataset<Row> a = read(spark, output);
        Dataset<Row> b = read(spark, new File(args[1], relative));
        long differing = a.exceptAll(b).count() + b.exceptAll(a).count();
        outputs++;
        if (differing > 0) {
          different++;
          System.out.println("different: " + relative + " (" + differing + " rows)");
        }
      }
    }
    System.out.println(outputs + " outputs compared, " + different + " different");
    spark.stop();
    System.exit(different == 0 && outputs > 0 ? 0 : 1);
  }

  private static File[] list(File folder) {
    File[] children = folder.listFiles(f -> f.isDirectory() && !f.getName().startsWith("_"));
    if (children == null) {
      return new File[0];
    }
    Arrays.sort(children);
    return children;
  }

  private static Dataset<Row> read(SparkSession spark, File output) {
    String format = new File(output, "_delta_log").isDirectory() ? "delta" : "parquet";
    Dataset<Row> rows = spark.read().format(format).load(output.getAbsolutePath());
    return rows.drop(Stream.of(rows.columns()).filter(c -> c.startsWith("_")).toArray(String[]::new));
  }
}
