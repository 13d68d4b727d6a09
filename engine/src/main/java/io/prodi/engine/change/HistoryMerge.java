package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.prodi.sink.SinkResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mode: scd2}: every change is kept in the change log (beside the table, keyed by key and
 * sequence). The versions of the keys a batch touches are recomputed from their recorded changes and
 * the batch's ({@link Versions}, which also stops the run at a tie), merged into the table on key and
 * {@code _valid_from}, and the batch's new changes are then added to the log. Both writes are
 * idempotent and the versions depend on the set of changes only, so a rerun, or a crash between the
 * writes and a rerun, leaves what one clean run leaves; a late change splits history where it belongs.
 */
final class HistoryMerge {
  private static final String ACTION = "_prodi_action";

  private final DeltaTarget target;
  private final ChangeBatch batch;
  private final List<String> tracked;

  HistoryMerge(DeltaTarget target, ChangeBatch batch, List<String> trackHistory) {
    this.target = target;
    this.batch = batch;
    this.tracked = Versions.tracked(batch, trackHistory);
  }

  SinkResult apply(List<String> partitionBy) {
    long before = ChangeMetrics.version(target);
    Dataset<Row> keys = batch.changes().select(keyColumns()).distinct();
    if (!target.exists()) {
      target.create(Versions.of(batch.changes(), batch, tracked).limit(0), partitionBy);
    }
    DeltaTarget log = target.beside("changes");
    Dataset<Row> recorded = ChangeLog.changesOf(log, keys, batch)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> versions = Versions.of(recorded.unionByName(batch.changes()).dropDuplicates(), batch, tracked)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      mergeVersions(versions, Versions.of(recorded, batch, tracked));
      ChangeLog.record(log, batch, recorded);
    } finally {
      versions.unpersist();
      recorded.unpersist();
    }
    return ChangeMetrics.since(target, before);
  }

  /**
   * The table's versions of the touched keys become {@code versions}: those the recorded changes made
   * and the new ones do not (a late change split them) are deleted, changed ones updated, new ones inserted.
   */
  private void mergeVersions(Dataset<Row> versions, Dataset<Row> recordedVersions) {
    List<String> columns = Versions.targetColumns(batch.stored());
    List<String> onVersion = new ArrayList<>(batch.keys());
    onVersion.add(Versions.VALID_FROM);
    Dataset<Row> stale = Conditions.matching(recordedVersions, versions, onVersion, false)
        .withColumn(ACTION, lit("delete"));
    Dataset<Row> source = versions.withColumn(ACTION, lit("upsert")).unionByName(stale.select(sourceOf(columns)));
    try {
      target.delta().as("t").merge(source.as("s"), Conditions.sameKeys(onVersion, "t", "s"))
          .whenMatched("s." + ACTION + " = 'delete'").delete()
          .whenMatched("NOT (" + Conditions.sameValues(columns, "t", "s") + ")")
          .updateExpr(Conditions.assignFrom(columns, "s"))
          .whenNotMatched("s." + ACTION + " = 'upsert'").insertExpr(Conditions.assignFrom(columns, "s"))
          .execute();
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      throw ChangeMetrics.failure(target, e);
    }
  }

  private static Column[] sourceOf(List<String> columns) {
    List<Column> out = new ArrayList<>();
    columns.forEach(c -> out.add(col(Conditions.quoted(c))));
    out.add(col(ACTION));
    return out.toArray(new Column[0]);
  }

  private Column[] keyColumns() {
    return batch.keys().stream().map(k -> col(Conditions.quoted(k))).toArray(Column[]::new);
  }
}
