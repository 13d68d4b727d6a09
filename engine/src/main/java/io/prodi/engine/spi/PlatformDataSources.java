package io.prodi.engine.spi;

import io.prodi.config.LayerConfig;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark data sources a layer needs from the platform (the spark-bigquery-connector and the Iceberg Spark
 * runtime, which Dataproc provides and prodi never bundles; Spark's Kafka connector, which the 2.12 and Spark 4
 * jars bundle and the 2.13 / Spark 3.5 jar cannot): a run without one stops before it reads or writes
 * anything, naming the connector and how to add it.
 */
public final class PlatformDataSources {
  private PlatformDataSources() {}

  /** Fails unless every platform data source the config's sources, sinks and quarantine use is on the class path. */
  public static void require(SparkSession spark, LayerConfig config) {
    Set<String> needed = new TreeSet<>();
    config.sources().stream().map(SourceSpec::platformDataSource).forEach(s -> s.ifPresent(needed::add));
    config.sinks().stream().map(SinkSpec::platformDataSource).forEach(s -> s.ifPresent(needed::add));
    config.dq().quarantine().flatMap(SinkSpec::platformDataSource).ifPresent(needed::add);
    for (String format : needed) {
      require(spark, format, "run layer " + config.layer().id());
    }
  }

  /** Fails with "Cannot {@code what}: ..." unless Spark finds the data source {@code format}. */
  public static void require(SparkSession spark, String format, String what) {
    try {
      org.apache.spark.sql.execution.datasources.DataSource$.MODULE$.lookupDataSource(format,
          spark.sessionState().conf());
    } catch (Exception | LinkageError e) { // Spark's "data source not found" (a ClassNotFoundException inside)
      String line = spark.version().replaceAll("^(\\d+\\.\\d+).*", "$1");
      String scalaLine = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
      String missing = "kafka".equals(format)
          ? "Spark's Kafka connector is not in this jar (the Scala 2.13 / Spark 3.5 jar cannot bundle it); add it to "
              + "spark-submit with --packages org.apache.spark:spark-sql-kafka-0-10_" + scalaLine + ":" + spark.version()
          : io.prodi.storage.TableFormat.ICEBERG.is(format)
          ? "the Iceberg Spark runtime (format iceberg) is not on the class path. Dataproc's Iceberg component and "
              + "Serverless runtimes provide it; elsewhere add it to spark-submit with --packages "
              + "org.apache.iceberg:iceberg-spark-runtime-" + line + "_" + scalaLine + ":1.10.0"
          : "the spark-bigquery-connector (format " + format + ") is not on the class path. Dataproc clusters and "
              + "Serverless runtimes ship it; elsewhere add it to spark-submit with --packages "
              + "com.google.cloud.spark:spark-" + line + "-bigquery:0.45.0";
      throw new RunFailure("Cannot " + what + ": " + missing + " (" + format + ")", e);
    }
  }
}
