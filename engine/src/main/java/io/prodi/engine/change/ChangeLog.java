package io.prodi.engine.change;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The changes an SCD2 table was made from, kept beside it: one row per key and sequence, with the
 * delete flag. Recording a batch adds the changes not recorded yet (an insert-only merge, which Delta
 * runs as one anti-join): an exact duplicate is recorded once. Ties were refused before.
 */
final class ChangeLog {
  private ChangeLog() {}

  static void record(DeltaTarget log, ChangeBatch batch) {
    if (!log.exists()) {
      log.create(batch.changes(), List.of());
      return;
    }
    List<String> onChange = new ArrayList<>(batch.keys());
    onChange.add(batch.sequence());
    List<String> values = new ArrayList<>(batch.valueColumns());
    values.add(ChangeBatch.DELETE);
    log.delta().as("t").merge(batch.changes().as("s"), Conditions.sameKeys(onChange, "t", "s"))
        .whenNotMatched().insertExpr(Conditions.assignFrom(values, "s"))
        .execute();
  }

  /** Every recorded change of the keys in {@code keys}; none when nothing is recorded yet. */
  static Dataset<Row> changesOf(DeltaTarget log, Dataset<Row> keys, ChangeBatch batch) {
    if (!log.exists()) {
      return batch.changes().limit(0);
    }
    return log.rows().join(keys, HistoryMerge.seq(java.util.Arrays.asList(keys.columns())), "left_semi");
  }
}
