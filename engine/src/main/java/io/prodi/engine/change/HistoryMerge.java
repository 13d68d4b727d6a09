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
 * {@code mode: scd2}: every change is kept in the change log ({@code _prodi_changes} beside the
 * table, keyed by key and sequence), and the versions of the keys a batch touches are recomputed from
 * all their changes ({@link Versions}), then merged into the table on key and {@code _valid_from}.
 * The log is written first and the table second, both idempotent: a rerun, or a crash between them
 * and a rerun, leaves what one clean run leaves; a late change splits history where it belongs.
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
    ChangeLog.record(log, batch, target);
    Dataset<Row> versions = Versions.of(ChangeLog.changesOf(log, keys), batch, tracked)
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      mergeVersions(versions, keys);
    } finally {
      versions.unpersist();
    }
    return ChangeMetrics.since(target, before);
  }

  private void mergeVersions(Dataset<Row> versions, Dataset<Row> keys) {
    List<String> columns = Versions.targetColumns(batch.stored());
    List<String> onVersion = new ArrayList<>(batch.keys());
    onVersion.add(Versions.VALID_FROM);
    Dataset<Row> stale = target.rows().join(keys, seq(batch.keys()), "left_semi")
        .join(versions.select(onVersion.stream().map(c -> col(Conditions.quoted(c))).toArray(Column[]::new)),
            seq(onVersion), "left_anti")
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

  static scala.collection.Seq<String> seq(List<String> columns) {
    return scala.collection.JavaConverters.asScalaBuffer(columns).toSeq();
  }
}
