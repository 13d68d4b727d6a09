package io.prodi.engine.transform;

import io.prodi.engine.spi.StepContext;
import io.prodi.transform.FilterStep;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Applies {@code filter}: keeps the rows for which the condition is true. */
final class FilterFunction {
  private FilterFunction() {}

  static Dataset<Row> apply(FilterStep step, Dataset<Row> input, StepContext context) {
    return input.where(step.condition());
  }
}
