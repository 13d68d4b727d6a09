package io.prodi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one {@code local[2]} SparkSession of a test JVM (UI off, Delta on, Iceberg's extensions when present, two shuffle partitions),
 * shared by every Spark test class of every module, as Iceberg's TestBase does.
 */
public final class TestSession {
  private static SparkSession session;

  private TestSession() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      try {
        Path warehouse = Files.createTempDirectory("prodi-warehouse");
        session = SparkSession.builder().master("local[2]").appName("prodi-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.scheduler.mode", "FAIR") // as SparkSessions sets it: concurrent pipeline steps
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.warehouse.dir", warehouse.toString())
            .config("spark.sql.extensions", extensions())
            .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .getOrCreate();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return session;
  }

  /** Delta's SQL extensions, and Iceberg's when a module's tests have its runtime (as a layer using Iceberg gets). */
  private static String extensions() {
    String iceberg = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    try {
      Class.forName(iceberg, false, TestSession.class.getClassLoader());
      return "io.delta.sql.DeltaSparkSessionExtension," + iceberg;
    } catch (ClassNotFoundException e) {
      return "io.delta.sql.DeltaSparkSessionExtension";
    }
  }
}
