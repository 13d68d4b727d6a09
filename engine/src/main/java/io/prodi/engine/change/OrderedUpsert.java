package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mode: merge} with {@code sequence_by} (SCD1 in order): one row per live key, the change with
 * the highest sequence. A change older than the stored row is ignored; a delete removes the row and
 * leaves a tombstone (key and sequence, in {@code _prodi_tombstones}) so that an older change arriving
 * later does not bring the key back; a newer change of the key removes its tombstone.
 */
final class OrderedUpsert {
  private final ChangeTarget target;
  private final ChangeBatch batch;

  OrderedUpsert(ChangeTarget target, ChangeBatch batch) {
    this.target = target;
    this.batch = batch;
  }

  SinkResult apply(List<String> partitionBy, boolean deletes) {
    ChangeTarget tombstones = target.exists() ? target.beside("tombstones") : null;
    Dataset<Row> latest = notOlderThanTombstones(latestPerKey(), tombstones);
    SinkResult changed;
    if (!target.exists()) {
      target.create(latest.where(col(ChangeBatch.DELETE).equalTo(false)).select(storedColumns()), partitionBy);
      changed = target.lastCommit();
      tombstones = target.beside("tombstones");
    } else {
      changed = mergeRows(latest);
    }
    if (deletes) {
      keepTombstones(latest, tombstones);
    }
    return changed;
  }

  /** The newest change of each key in the batch (ties were refused): a batch applied at once. */
  private Dataset<Row> latestPerKey() {
    List<String> values = new ArrayList<>(batch.valueColumns());
    values.add(ChangeBatch.DELETE);
    String struct = "struct(" + values.stream().map(Conditions::quoted).collect(Collectors.joining(", ")) + ")";
    Column[] keys = batch.keys().stream().map(k -> col(Conditions.quoted(k))).toArray(Column[]::new);
    return batch.changes().groupBy(keys)
        .agg(expr("max_by(" + struct + ", " + Conditions.quoted(batch.sequence()) + ")").as("_prodi_latest"))
        .select(col("_prodi_latest.*"));
  }

  private Dataset<Row> notOlderThanTombstones(Dataset<Row> latest, ChangeTarget tombstones) {
    if (tombstones == null || !tombstones.exists()) {
      return latest;
    }
    String seq = Conditions.quoted(batch.sequence());
    Column newer = expr(Conditions.sameKeys(batch.keys(), "c", "d") + " AND d." + seq + " >= c." + seq);
    return latest.as("c").join(tombstones.rows().as("d"), newer, "left_anti");
  }

  private SinkResult mergeRows(Dataset<Row> latest) {
    List<String> stored = batch.stored();
    String seq = Conditions.quoted(batch.sequence());
    String newer = "s." + seq + " > t." + seq;
    String sameSeq = "s." + seq + " = t." + seq;
    String type = latest.schema().apply(batch.sequence()).dataType().sql();
    try {
      return target.merge(latest, Conditions.sameKeys(batch.keys(), "t", "s"), List.of(
          MergeClause.delete(newer + " AND s." + ChangeBatch.DELETE),
          MergeClause.update(newer, Conditions.assignFrom(stored, "s")),
          MergeClause.update(sameSeq + " AND (s." + ChangeBatch.DELETE + " OR NOT ("
              + Conditions.sameValues(stored, "t", "s") + "))",
              java.util.Map.of(seq, Conditions.raiseTie(batch.keys(), batch.sequence(), "s", type))),
          MergeClause.insert("NOT s." + ChangeBatch.DELETE, Conditions.assignFrom(stored, "s"))));
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      throw ChangeMetrics.failure(target, e);
    }
  }

  /**
   * The tombstones after this batch: a delete that removed a row (or found none) leaves one; a newer
   * change of a tombstoned key removes it. Written after the table, so a crash in between is repaired
   * by the rerun, which finds the same changes.
   */
  private void keepTombstones(Dataset<Row> latest, ChangeTarget tombstones) {
    String seq = batch.sequence();
    List<Column> tombstone = batch.keys().stream().map(k -> col(Conditions.quoted(k))).collect(Collectors.toList());
    tombstone.add(col(Conditions.quoted(seq)));
    Dataset<Row> live = target.rows().select(batch.keys().stream().map(k -> col(Conditions.quoted(k)))
        .toArray(Column[]::new));
    Dataset<Row> deleted = Conditions.matching(latest.where(col(ChangeBatch.DELETE)), live, batch.keys(), false);
    Dataset<Row> source = deleted.select(tombstone.toArray(new Column[0])).withColumn(ChangeBatch.DELETE, lit(true))
        .unionByName(latest.where(col(ChangeBatch.DELETE).equalTo(false)).select(tombstone.toArray(new Column[0]))
            .withColumn(ChangeBatch.DELETE, lit(false)));
    if (!tombstones.exists()) {
      tombstones.create(source.where(col(ChangeBatch.DELETE)).select(tombstone.toArray(new Column[0])), List.of());
      return;
    }
    String q = Conditions.quoted(seq);
    try {
      tombstones.merge(source, Conditions.sameKeys(batch.keys(), "t", "s"), List.of(
          MergeClause.update("s." + ChangeBatch.DELETE + " AND s." + q + " > t." + q, java.util.Map.of(q, "s." + q)),
          MergeClause.delete("NOT s." + ChangeBatch.DELETE + " AND s." + q + " > t." + q),
          MergeClause.insert("s." + ChangeBatch.DELETE, Conditions.assignFrom(keysAnd(seq), "s"))));
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      throw new RunFailure("Cannot keep the tombstones of " + target.shown() + ": " + RunFailure.firstLine(e), e);
    }
  }

  private List<String> keysAnd(String column) {
    List<String> columns = new ArrayList<>(batch.keys());
    columns.add(column);
    return columns;
  }

  private Column[] storedColumns() {
    return batch.stored().stream().map(c -> col(Conditions.quoted(c))).toArray(Column[]::new);
  }
}
