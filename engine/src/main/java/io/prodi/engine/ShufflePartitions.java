package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.source.SourceSpec;
import java.io.IOException;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * prodi's default for {@code spark.sql.shuffle.partitions} when nobody set it (not the config's
 * {@code compute.options}, not spark-submit, not the cluster): Spark's 200 fits large inputs, but on
 * small ones it makes hundreds of tiny tasks and files, and adaptive execution does not coalesce
 * the stages of a plan prodi caches for several sinks or a quarantine. Like Spark's own file splits,
 * one partition per 128 MiB of input read from files, at least one per core, never more than
 * Spark's default. Inputs whose size is unknown (jdbc, http, tables) keep Spark's default.
 */
final class ShufflePartitions {
  static final String KEY = "spark.sql.shuffle.partitions";
  private static final long BYTES_PER_PARTITION = 128L * 1024 * 1024;
  private static final int SPARK_DEFAULT = 200;

  private ShufflePartitions() {}

  /** The partitions to set for a step, or empty when the user chose or the input size is unknown. */
  static OptionalLong forStep(SparkSession spark, LayerConfig config) {
    if (config.compute().options().containsKey(KEY) || spark.sparkContext().getConf().contains(KEY)) {
      return OptionalLong.empty();
    }
    return fromInput(spark, config);
  }

  /** The default the step's input calls for (the user's choice aside). */
  static OptionalLong fromInput(SparkSession spark, LayerConfig config) {
    OptionalLong bytes = inputBytes(spark, config);
    if (bytes.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(partitions(bytes.getAsLong(), spark.sparkContext().defaultParallelism()));
  }

  /** One partition per 128 MiB of input, at least one per core, at most Spark's default. */
  static long partitions(long inputBytes, int cores) {
    long bySize = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return Math.min(SPARK_DEFAULT, Math.max(cores, bySize));
  }

  /** Bytes under every files source's location (a listing, no data read); empty if any is unknown. */
  private static OptionalLong inputBytes(SparkSession spark, LayerConfig config) {
    Configuration hadoop = spark.sessionState().newHadoopConf();
    long total = 0;
    for (SourceSpec source : config.sources()) {
      java.util.Optional<String> files = source.filesLocation(config.locationStorage(), config.baseDir());
      if (files.isEmpty()) {
        return OptionalLong.empty();
      }
      String location = files.get();
      try {
        Path path = new Path(location);
        FileSystem fs = path.getFileSystem(hadoop);
        total += fs.getContentSummary(path).getLength();
      } catch (IOException | RuntimeException e) { // a glob, a missing path: the read reports it
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(total);
  }
}
