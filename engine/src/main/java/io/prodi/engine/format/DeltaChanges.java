package io.prodi.engine.format;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import io.prodi.run.RunFailure;
import io.prodi.source.WatermarkSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code incremental: {by: version}} on a Delta source: the changes the table committed after the
 * last version a run read, up to its version when this run starts, from Delta's change data feed,
 * with {@code _change_type} (insert, update_postimage, delete; pre-images left out),
 * {@code _commit_version} (the watermark) and {@code _commit_timestamp}. The first run reads the whole
 * table at its current version, as inserts. A table that cannot give those changes is an error that
 * says how to recover, never a silent full read.
 */
final class DeltaChanges {
  private DeltaChanges() {}

  static Dataset<Row> read(SparkSession spark, String location, long lastRead) {
    if (!DeltaTable.isDeltaTable(spark, location)) {
      throw new RunFailure("Cannot read the changes of " + location + ": it is not a Delta table (by: version)");
    }
    Row latest = DeltaTable.forPath(spark, location).history(1).head();
    long version = latest.<Long>getAs("version");
    if (lastRead < 0) {
      return spark.read().format("delta").option("versionAsOf", version).load(location)
          .withColumn("_change_type", lit("insert"))
          .withColumn(WatermarkSpec.COMMIT_VERSION, lit(version))
          .withColumn("_commit_timestamp", lit(latest.getAs("timestamp")));
    }
    if (lastRead >= version) {
      return spark.read().format("delta").load(location).limit(0)
          .withColumn("_change_type", lit("insert"))
          .withColumn(WatermarkSpec.COMMIT_VERSION, lit(version))
          .withColumn("_commit_timestamp", lit(latest.getAs("timestamp")));
    }
    try {
      Dataset<Row> changes = spark.read().format("delta").option("readChangeFeed", "true")
          .option("startingVersion", lastRead + 1).option("endingVersion", version).load(location);
      changes.queryExecution().executedPlan(); // plans the scan now: a version without change data fails here
      return changes.where(col("_change_type").notEqual("update_preimage"));
    } catch (Exception e) { // DeltaAnalysisException from Scala: change data off, or its files vacuumed
      throw new RunFailure("Cannot read the changes of " + location + " after version " + lastRead + ": "
          + RunFailure.firstLine(e) + "; turn on delta.enableChangeDataFeed on the table if it is off, then "
          + "run prodi state reset for this source to read the whole table once (versions " + (lastRead + 1) + " to "
          + version + ")", e);
    }
  }
}
