package io.prodi.engine.change;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The changes an SCD2 table was made from, kept beside it: one row per key and sequence, with the
 * delete flag. Recording a batch adds the changes not seen yet; an exact duplicate is applied once and
 * a different change at a recorded key and sequence stops the run before anything is committed.
 */
final class ChangeLog {
  private ChangeLog() {}

  static void record(DeltaTarget log, ChangeBatch batch, DeltaTarget target) {
    if (!log.exists()) {
      log.create(batch.changes(), List.of());
      return;
    }
    List<String> onChange = new ArrayList<>(batch.keys());
    onChange.add(batch.sequence());
    List<String> values = new ArrayList<>(batch.valueColumns());
    values.add(ChangeBatch.DELETE);
    String type = batch.changes().schema().apply(batch.sequence()).dataType().sql();
    try {
      log.delta().as("t").merge(batch.changes().as("s"), Conditions.sameKeys(onChange, "t", "s"))
          .whenMatched("NOT (" + Conditions.sameValues(values, "t", "s") + ")")
          .updateExpr(java.util.Map.of(Conditions.quoted(batch.sequence()),
              Conditions.raiseTie(batch.keys(), batch.sequence(), "s", type)))
          .whenNotMatched().insertExpr(Conditions.assignFrom(values, "s"))
          .execute();
    } catch (Exception e) { // Spark throws its checked SparkException from Scala
      throw ChangeMetrics.failure(target, e);
    }
  }

  /** Every recorded change of the keys in {@code keys}. */
  static Dataset<Row> changesOf(DeltaTarget log, Dataset<Row> keys) {
    return log.rows().join(keys, HistoryMerge.seq(java.util.Arrays.asList(keys.columns())), "left_semi");
  }
}
