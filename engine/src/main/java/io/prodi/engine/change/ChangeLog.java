package io.prodi.engine.change;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The changes an SCD2 table was made from, kept beside it: one row per key and sequence, with the
 * delete flag. Recording a batch appends the changes the log does not hold yet (found among the
 * recorded changes of the batch's keys, already read): an exact duplicate is recorded once, and a
 * rerun after the append appends nothing. Ties were refused before.
 */
final class ChangeLog {
  private ChangeLog() {}

  static void record(ChangeTarget log, ChangeBatch batch, Dataset<Row> recorded) {
    if (!log.exists()) {
      log.create(batch.changes(), List.of());
      return;
    }
    List<String> onChange = new ArrayList<>(batch.keys());
    onChange.add(batch.sequence());
    log.append(Conditions.matching(batch.changes(), recorded, onChange, false));
  }

  /** Every recorded change of the keys in {@code keys}; none when nothing is recorded yet. */
  static Dataset<Row> changesOf(ChangeTarget log, Dataset<Row> keys, ChangeBatch batch) {
    if (!log.exists()) {
      return batch.changes().limit(0);
    }
    return Conditions.matching(log.pinnedRows(), keys, java.util.Arrays.asList(keys.columns()), true);
  }
}
