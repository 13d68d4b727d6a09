package io.prodi.engine;

import io.prodi.config.LayerConfig;
import java.util.OptionalInt;
import org.apache.spark.sql.SparkSession;

/**
 * prodi's default for {@code spark.databricks.delta.snapshotPartitions} when nobody set it (not the
 * config's {@code compute.options}, not spark-submit, not the cluster): Delta rebuilds a table's
 * state from its log in that many tasks, 50 by default, whatever the log's size. On the small logs
 * of most tables that is 50 tiny tasks per table a step touches (about 3.5 s each on 2 cores, where
 * one task per core takes under 1 s); like Spark's own file splits, prodi uses one per core, never
 * more than Delta's default. Steps without Delta keep Delta's default.
 */
final class DeltaSnapshotPartitions {
  static final String KEY = "spark.databricks.delta.snapshotPartitions";
  private static final int DELTA_DEFAULT = 50;

  private DeltaSnapshotPartitions() {}

  /** The partitions to set for a step, or empty when the user chose or the step uses no Delta table. */
  static OptionalInt forStep(SparkSession spark, LayerConfig config) {
    return forStep(config, spark.sparkContext().getConf().contains(KEY), spark.sparkContext().defaultParallelism());
  }

  /** The same, for a session that set the key or not ({@code spark-submit --conf}, the cluster), with {@code cores}. */
  static OptionalInt forStep(LayerConfig config, boolean setBySession, int cores) {
    if (!SparkSessions.usesDelta(config) || config.compute().options().containsKey(KEY) || setBySession) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(partitions(cores));
  }

  /** One partition per core, at least one, at most Delta's default. */
  static int partitions(int cores) {
    return Math.min(DELTA_DEFAULT, Math.max(1, cores));
  }
}
