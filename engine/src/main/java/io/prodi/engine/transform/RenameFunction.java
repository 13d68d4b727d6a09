package io.prodi.engine.transform;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.RenameStep;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Applies {@code rename}: each column renamed, after checking they all exist. */
final class RenameFunction {
  private RenameFunction() {}

  static Dataset<Row> apply(RenameStep step, Dataset<Row> input, StepContext context) {
    ColumnCheck.require(input, step.renames().keySet(), "rename");
    Dataset<Row> out = input;
    for (Map.Entry<String, String> rename : step.renames().entrySet()) {
      out = out.withColumnRenamed(rename.getKey(), rename.getValue());
    }
    return out;
  }
}
