package io.prodi.engine.change;

import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mode: merge} without an order: the input wins on {@code merge.keys} (update matched rows,
 * insert new ones), the table created on the first run. Rerunning it with the same output changes nothing.
 */
final class PlainUpsert {
  private PlainUpsert() {}

  static SinkResult apply(ChangeTarget target, Dataset<Row> stored, List<String> keys, List<String> partitionBy) {
    if (!target.exists()) {
      target.create(stored, partitionBy);
      return SinkResult.allRows();
    }
    String condition = keys.stream().map(k -> "t." + Conditions.quoted(k) + " <=> s." + Conditions.quoted(k))
        .collect(Collectors.joining(" AND "));
    try {
      return target.merge(stored, condition, List.of(MergeClause.updateAll(), MergeClause.insertAll()));
    } catch (Exception e) { // Delta's errors (duplicate source keys, schema mismatch), a SparkException from Scala
      String message = RunFailure.firstLine(e);
      if (message.contains("MULTIPLE_SOURCE_ROW") || message.contains("multiple source rows")
          || message.contains("MERGE_CARDINALITY_VIOLATION") || message.contains("multiple rows of the source")) {
        message = "several rows of the output share a merge key; dedupe them first";
      }
      throw new RunFailure("Cannot merge into " + target.shown() + ": " + message + " (keys " + String.join(", ", keys)
          + ")", e);
    }
  }
}
