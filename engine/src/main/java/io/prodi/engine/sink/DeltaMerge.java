package io.prodi.engine.sink;

import io.delta.tables.DeltaTable;
import io.prodi.engine.change.ChangeData;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.MergeSpec;
import io.prodi.sink.SinkResult;
import io.prodi.sink.WriteMode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mode: merge} and {@code mode: scd2} into a Delta table ({@link ChangeData}), after checking that
 * a path holding something else is not mistaken for a table to create.
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
    return new ChangeData(mode, spec, partitionBy).intoPath(output, path, context);
  }

  static SinkResult intoTable(Dataset<Row> output, String table, WriteMode mode, MergeSpec spec,
      List<String> partitionBy, StepContext context) {
    return new ChangeData(mode, spec, partitionBy).intoTable(output, table, context);
  }
}
