package io.prodi.engine.change;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;

/**
 * {@code snapshot: true}: each run's input is the whole current table at one sequence
 * ({@code sequence_by}, one value for the whole input, or the run's logical date). Keys that changed
 * or appeared are changes at that sequence, keys that vanished are deletes; a key whose values did not
 * change is no change. Snapshots apply in increasing order: the last one's sequence is a table
 * property ({@code prodi.snapshot}), an older one is refused and rerunning the last changes nothing.
 */
final class SnapshotChanges {
  static final String LAST = "prodi.snapshot";

  private final ChangeTarget target;
  private final MergeSpec spec;
  private final String logicalDate;

  SnapshotChanges(ChangeTarget target, MergeSpec spec, String logicalDate) {
    this.target = target;
    this.spec = spec;
    this.logicalDate = logicalDate;
  }

  SinkResult apply(Dataset<Row> input, WriteMode mode, List<String> partitionBy) {
    String sequence = spec.sequenceBy().orElse(ChangeBatch.SNAPSHOT_SEQUENCE);
    List<String> stored = ChangeBatch.storedColumns(input, spec);
    Dataset<Row> snapshot = spec.sequenceBy().isPresent() ? input
        : input.withColumn(ChangeBatch.SNAPSHOT_SEQUENCE, expr("DATE'" + logicalDate + "'"));
    String at = sequenceOf(snapshot, sequence);
    checkOrder(at, snapshot.schema().apply(sequence).dataType() instanceof NumericType);
    List<String> values = new ArrayList<>(stored);
    values.removeIf(sequence::equalsIgnoreCase);
    Column atValue = lit(at).cast(snapshot.schema().apply(sequence).dataType());
    Dataset<Row> current = mode != WriteMode.SCD2 || !target.exists() ? null
        : target.pinnedRows().where(col(Versions.IS_CURRENT));
    ChangeBatch batch = ChangeBatch.ofChanges(changes(snapshot, current, stored, values, sequence, atValue), stored,
        sequence, spec.keys(), target.shown());
    SinkResult result;
    try {
      result = mode == WriteMode.SCD2 ? new HistoryMerge(target, batch, spec.trackHistory()).apply(partitionBy)
          : replaceRows(batch, values, partitionBy);
    } finally {
      batch.release();
    }
    target.setProperty(LAST, at);
    return result;
  }

  /** The snapshot's one sequence value as text; several values, a null or an empty snapshot ordered by a column fail. */
  private String sequenceOf(Dataset<Row> snapshot, String sequence) {
    ChangeBatch.checkOrderable(snapshot, sequence, target.shown());
    Row found = snapshot.agg(countDistinct(col(Conditions.quoted(sequence))), count(lit(1)),
        max(col(Conditions.quoted(sequence))).cast("string")).first();
    if (found.getLong(1) == 0 && spec.sequenceBy().isPresent()) {
      throw new RunFailure("Cannot apply an empty snapshot to " + target.shown() + ": no row holds its "
          + sequence + "; an empty snapshot needs the run's date as its sequence (no sequence_by)");
    }
    if (found.getLong(1) > 0 && found.getLong(0) != 1) {
      throw new RunFailure("Cannot apply snapshot to " + target.shown() + ": a snapshot has one " + sequence
          + " for all its rows (" + found.getLong(0) + " values, the highest " + found.getString(2) + ")");
    }
    return found.getLong(1) == 0 ? logicalDate : found.getString(2);
  }

  private void checkOrder(String at, boolean numeric) {
    if (!target.exists()) {
      return;
    }
    target.property(LAST).ifPresent(last -> {
      int order = numeric ? new BigDecimal(at).compareTo(new BigDecimal(last)) : at.compareTo(last);
      if (order < 0) {
        throw new RunFailure("Cannot apply snapshot " + at + " to " + target.shown() + ": it is older than the last "
            + "snapshot applied; snapshots apply in increasing order (" + last + ")");
      }
    });
  }

  /** Keys new or changed since the current table, at the snapshot's sequence, and deletes of the keys that vanished. */
  private Dataset<Row> changes(Dataset<Row> snapshot, Dataset<Row> current, List<String> stored, List<String> values,
      String sequence, Column at) {
    List<Column> columns = new ArrayList<>();
    stored.forEach(c -> columns.add(col(Conditions.quoted(c))));
    if (stored.stream().noneMatch(sequence::equalsIgnoreCase)) {
      columns.add(col(Conditions.quoted(sequence)));
    }
    Dataset<Row> rows = snapshot.select(columns.toArray(new Column[0]));
    if (current == null) {
      return rows.withColumn(ChangeBatch.DELETE, lit(false));
    }
    Dataset<Row> changed = rows.as("s").join(current.as("t"), expr(Conditions.sameValues(values, "s", "t")), "left_anti")
        .withColumn(ChangeBatch.DELETE, lit(false));
    Dataset<Row> vanished = current.as("t").join(rows.as("s"), expr(Conditions.sameKeys(spec.keys(), "t", "s")),
        "left_anti").select(deleteColumns(stored, sequence, at));
    return changed.unionByName(vanished);
  }

  private static Column[] deleteColumns(List<String> stored, String sequence, Column at) {
    List<Column> columns = new ArrayList<>();
    stored.forEach(c -> columns.add(c.equalsIgnoreCase(sequence) ? at.as(c) : col(Conditions.quoted(c))));
    if (stored.stream().noneMatch(sequence::equalsIgnoreCase)) {
      columns.add(at.as(sequence));
    }
    columns.add(lit(true).as(ChangeBatch.DELETE));
    return columns.toArray(new Column[0]);
  }

  /** SCD1 from snapshots: the table becomes the snapshot, changed rows updated, vanished keys deleted. */
  private SinkResult replaceRows(ChangeBatch batch, List<String> values, List<String> partitionBy) {
    Dataset<Row> rows = batch.changes();
    if (!target.exists()) {
      target.create(rows.select(batch.stored().stream().map(c -> col(Conditions.quoted(c))).toArray(Column[]::new)),
          partitionBy);
      return target.lastCommit();
    }
    try {
      return target.merge(rows, Conditions.sameKeys(spec.keys(), "t", "s"), List.of(
          MergeClause.update("NOT (" + Conditions.sameValues(values, "t", "s") + ")",
              Conditions.assignFrom(batch.stored(), "s")),
          MergeClause.insert(null, Conditions.assignFrom(batch.stored(), "s")),
          MergeClause.deleteUnmatched()));
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      throw ChangeMetrics.failure(target, e);
    }
  }
}
