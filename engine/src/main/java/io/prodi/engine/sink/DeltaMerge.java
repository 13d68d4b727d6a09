package io.prodi.engine.sink;

import io.delta.tables.DeltaTable;
import io.prodi.engine.change.ChangeData;
import io.prodi.engine.spi.StepContext;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.WriteMode;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mode: merge}: a Delta MERGE on {@code merge.keys} (update matched rows, insert new ones),
 * creating the table on the first run. Rerunning it with the same output changes nothing.
 */
final class DeltaMerge {
  private DeltaMerge() {}

  static SinkResult intoPath(Dataset<Row> output, String path, WriteMode mode, MergeSpec spec,
      List<String> partitionBy, StepContext context) {
    boolean exists = DeltaTable.isDeltaTable(context.spark(), path);
    java.util.Optional<String> data = exists ? java.util.Optional.empty() : PathCheck.dataIn(context, path);
    if (data.isPresent()) {
      throw new RunFailure("Cannot merge into " + path + ": it exists and is not a Delta table (it holds "
          + data.get() + ")");
    }
    if (ChangeData.applies(mode, spec)) {
      return new ChangeData(mode, spec, partitionBy).intoPath(output, path, context);
    }
    Dataset<Row> stored = stored(output, spec);
    if (!exists) {
      stored.write().format("delta").partitionBy(partitionBy.toArray(new String[0])).save(path);
      return SinkResult.allRows();
    }
    return merge(DeltaTable.forPath(context.spark(), path), stored, spec.keys(), path);
  }

  static SinkResult intoTable(Dataset<Row> output, String table, WriteMode mode, MergeSpec spec,
      List<String> partitionBy, StepContext context) {
    if (ChangeData.applies(mode, spec)) {
      return new ChangeData(mode, spec, partitionBy).intoTable(output, table, context);
    }
    output = stored(output, spec);
    List<String> keys = spec.keys();
    if (!context.spark().catalog().tableExists(table)) {
      output.write().format("delta").partitionBy(partitionBy.toArray(new String[0])).saveAsTable(table);
      return SinkResult.allRows();
    }
    return merge(DeltaTable.forName(context.spark(), table), output, keys, table);
  }

  /** The output without {@code except_columns}. */
  private static Dataset<Row> stored(Dataset<Row> output, MergeSpec spec) {
    return spec.exceptColumns().isEmpty() ? output : output.drop(spec.exceptColumns().toArray(new String[0]));
  }

  private static SinkResult merge(DeltaTable target, Dataset<Row> output, List<String> keys, String where) {
    String condition = keys.stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
    try {
      target.as("t").merge(output.as("s"), condition).whenMatched().updateAll().whenNotMatched().insertAll()
          .execute();
    } catch (Exception e) { // Delta's errors: duplicate source keys, schema mismatch
      String message = RunFailure.firstLine(e);
      if (message.contains("MULTIPLE_SOURCE_ROW") || message.contains("multiple source rows")) {
        message = "several rows of the output share a merge key; dedupe them first";
      }
      throw new RunFailure("Cannot merge into " + where + ": " + message + " (keys " + String.join(", ", keys) + ")", e);
    }
    Map<String, String> metrics = scala.collection.JavaConverters.mapAsJavaMap(
        target.history(1).head().<scala.collection.Map<String, String>>getAs("operationMetrics"));
    long inserted = Long.parseLong(metrics.getOrDefault("numTargetRowsInserted", "0"));
    long updated = Long.parseLong(metrics.getOrDefault("numTargetRowsUpdated", "0"));
    return SinkResult.rows(inserted + updated, inserted + " inserted, " + updated + " updated");
  }
}
