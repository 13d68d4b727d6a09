package io.prodi.testing;

import io.prodi.config.Layer;
import io.prodi.engine.SparkLayerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} SparkSession of a test JVM (UI off, Delta on), shared by every Spark
 * test class, as Iceberg's TestBase does; and layer runs through the real command line on it.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("prodi-warehouse");
        session = SparkSession.builder().master("local[2]").appName("prodi-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.warehouse.dir", warehouse.toString())
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
            .getOrCreate();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return session;
  }

  /** An engine on the shared session, as a main class builds one on its own. */
  public static SparkLayerEngine engine() {
    return new SparkLayerEngine(configs -> session());
  }

  /** {@code prodi <args>} with a real engine on the shared session. */
  public static CliRun prodi(Map<String, String> env, String... args) {
    return CliRun.run(env, engine(), null, args);
  }

  public static CliRun prodi(String... args) {
    return prodi(Map.of(), args);
  }

  /** {@code prodi run-layer -c CONFIG --base-dir BASE [more...]} on the shared session. */
  public static CliRun runLayer(String config, java.nio.file.Path base, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "run-layer";
    args[1] = "-c";
    args[2] = config;
    args[3] = "--base-dir=" + base;
    System.arraycopy(more, 0, args, 4, more.length);
    return prodi(args);
  }

  public static CliRun layer(Layer layer, String... args) {
    return CliRun.run(Map.of(), engine(), layer, args);
  }
}
