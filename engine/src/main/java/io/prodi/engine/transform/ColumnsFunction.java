package io.prodi.engine.transform;

import static org.apache.spark.sql.functions.col;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.ColumnsStep;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/** Applies {@code drop}, {@code select} and {@code trim} (no list: every string column). */
final class ColumnsFunction {
  private ColumnsFunction() {}

  static Dataset<Row> apply(ColumnsStep step, Dataset<Row> input, StepContext context) {
    List<String> columns = step.columns();
    ColumnCheck.require(input, columns, step.type());
    switch (step.type()) {
      case "drop":
        return input.drop(columns.toArray(new String[0]));
      case "select":
        return input.select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
      default:
        return trim(columns, input);
    }
  }

  private static Dataset<Row> trim(List<String> columns, Dataset<Row> input) {
    Set<String> targets = new HashSet<>(columns);
    Dataset<Row> out = input;
    for (StructField field : input.schema().fields()) {
      boolean wanted = columns.isEmpty() ? field.dataType() instanceof StringType : targets.contains(field.name());
      if (wanted) {
        out = out.withColumn(field.name(), org.apache.spark.sql.functions.trim(col(field.name())));
      }
    }
    return out;
  }
}
