package io.prodi.engine.transform;

import io.prodi.engine.spi.StepContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import io.prodi.transform.FilterStep;

/** Applies {@code filter}: keeps the rows for which the condition is true. */
final class FilterFunction {
  private FilterFunction() {}

  static Dataset<Row> apply(FilterStep step, Dataset<Row> input, StepContext context) {
    return input.where(step.condition());
  }
}
