package io.prodi.engine.format;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;

import io.prodi.run.RunFailure;
import io.prodi.source.WatermarkSpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code incremental: {by: version}} on an Iceberg table: the rows its snapshots changed after the last snapshot a
 * run read, up to its current snapshot when this run starts, from Iceberg's changelog
 * ({@code create_changelog_view}, rows rewritten unchanged left out), with {@code _change_type} (insert, delete:
 * Delta's words), {@code _change_ordinal}, {@code _commit_snapshot_id} and {@code _commit_version}, the snapshot read
 * up to (the watermark; a rerun after a crash reads up to the snapshot its crashed attempt did). The first run
 * reads the whole table at its current snapshot, as inserts. A table that cannot give those changes is an error
 * that says how to recover, never a silent full read.
 */
final class IcebergChanges {
  private IcebergChanges() {}

  static Dataset<Row> read(SparkSession spark, String table, long lastRead, Optional<Long> upTo) {
    long current = upTo.orElseGet(() -> currentSnapshot(spark, table));
    if (lastRead < 0 || current == lastRead || current < 0) {
      Dataset<Row> rows = current < 0 ? spark.table(table).limit(0)
          : spark.read().option("snapshot-id", current).table(table);
      return asInserts(lastRead < 0 ? rows : rows.limit(0), current);
    }
    String view = "prodi_changes_" + UUID.randomUUID().toString().replace("-", "");
    int dot = table.indexOf('.');
    try {
      spark.sql("CALL " + table.substring(0, dot) + ".system.create_changelog_view(table => '" + table.substring(dot + 1)
          + "', options => map('start-snapshot-id', '" + lastRead + "', 'end-snapshot-id', '" + current + "'), "
          + "changelog_view => '" + view + "')");
      Dataset<Row> changes = spark.table(view); // a view of the step's own session, gone with it
      changes.queryExecution().executedPlan(); // plans the scan now: an expired snapshot fails here
      return changes.withColumn("_change_type", lower(col("_change_type")))
          .withColumn(WatermarkSpec.COMMIT_VERSION, lit(current));
    } catch (Exception e) { // from Scala: an expired or unrelated snapshot, delete files the changelog cannot read
      throw new RunFailure("Cannot read the changes of " + table + " after snapshot " + lastRead + ": "
          + RunFailure.firstLine(e) + "; run prodi state reset for this source to read the whole table once (up to "
          + "snapshot " + current + ")", e);
    }
  }

  private static long currentSnapshot(SparkSession spark, String table) {
    List<Row> main = spark.sql("SELECT snapshot_id FROM " + table + ".refs WHERE name = 'main'").collectAsList();
    return main.isEmpty() ? -1 : main.get(0).getLong(0);
  }

  private static Dataset<Row> asInserts(Dataset<Row> rows, long snapshot) {
    return rows.withColumn("_change_type", lit("insert"))
        .withColumn("_change_ordinal", lit(0))
        .withColumn("_commit_snapshot_id", lit(snapshot))
        .withColumn(WatermarkSpec.COMMIT_VERSION, lit(snapshot));
  }
}
