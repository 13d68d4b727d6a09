package io.prodi.engine.transform;

import static org.apache.spark.sql.functions.col;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.CastStep;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Applies {@code cast}: each column cast to its Spark SQL type. */
final class CastFunction {
  private CastFunction() {}

  static Dataset<Row> apply(CastStep step, Dataset<Row> input, StepContext context) {
    ColumnCheck.require(input, step.types().keySet(), "cast");
    Dataset<Row> out = input;
    for (Map.Entry<String, String> cast : step.types().entrySet()) {
      out = out.withColumn(cast.getKey(), col(cast.getKey()).cast(cast.getValue()));
    }
    return out;
  }
}
