package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.prodi.sink.SinkResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code mode: scd2}: every change is kept in the change log (beside the table, keyed by key and
 * sequence). The versions of the keys a batch touches are recomputed from their recorded changes and
 * the batch's in one window pass ({@link Versions}, which also stops the run at a tie or a null key),
 * merged into the table on key and {@code _valid_from}, and the batch's new changes are then added to
 * the log. Both writes are
 * idempotent and the versions depend on the set of changes only, so a rerun, or a crash between the
 * writes and a rerun, leaves what one clean run leaves; a late change splits history where it belongs.
 */
final class HistoryMerge {
  private final ChangeTarget target;
  private final ChangeBatch batch;
  private final List<String> tracked;

  HistoryMerge(ChangeTarget target, ChangeBatch batch, List<String> trackHistory) {
    this.target = target;
    this.batch = batch;
    this.tracked = Versions.tracked(batch, trackHistory);
  }

  SinkResult apply(List<String> partitionBy) {
    Dataset<Row> keys = batch.changes().select(keyColumns()).distinct();
    if (!target.exists()) {
      target.create(Versions.of(batch.changes(), batch, tracked).limit(0), partitionBy);
    }
    ChangeTarget log = target.beside("changes");
    Dataset<Row> recorded = ChangeLog.changesOf(log, keys, batch).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      SinkResult changed = mergeVersions(Versions.mergeSource(recordedAndNew(recorded), batch, tracked));
      ChangeLog.record(log, batch, recorded);
      return changed;
    } finally {
      recorded.unpersist();
    }
  }

  /** The recorded and the new changes, flagged {@link Versions#RECORDED} (an exact duplicate is dropped there). */
  private Dataset<Row> recordedAndNew(Dataset<Row> recorded) {
    return recorded.withColumn(Versions.RECORDED, lit(true))
        .unionByName(batch.changes().withColumn(Versions.RECORDED, lit(false)));
  }

  /**
   * The table's versions of the touched keys become the source's upserts: versions the source
   * deletes (a late change split or joined them) are deleted, changed ones updated, new ones inserted.
   */
  private SinkResult mergeVersions(Dataset<Row> source) {
    List<String> columns = Versions.targetColumns(batch.stored());
    List<String> onVersion = new ArrayList<>(batch.keys());
    onVersion.add(Versions.VALID_FROM);
    String action = "s." + Versions.ACTION;
    try {
      return target.merge(source, Conditions.sameKeys(onVersion, "t", "s"), List.of(
          MergeClause.delete(action + " = 'delete'"),
          MergeClause.update("NOT (" + Conditions.sameValues(columns, "t", "s") + ")", Conditions.assignFrom(columns, "s")),
          MergeClause.insert(action + " = 'upsert'", Conditions.assignFrom(columns, "s"))));
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      if (Conditions.nullIn(e)) {
        throw batch.nullChanges(target.shown());
      }
      throw ChangeMetrics.failure(target, e);
    }
  }

  private Column[] keyColumns() {
    return batch.keys().stream().map(k -> col(Conditions.quoted(k))).toArray(Column[]::new);
  }
}
