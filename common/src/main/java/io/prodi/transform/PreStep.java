package io.prodi.transform;

import io.prodi.engine.StepContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One {@code transform.pre} step (CONTRACT.md §5.1); one class per step type, see {@link PreSteps}. */
public interface PreStep {
  /** The step's key in the config: rename, cast, drop, ... */
  String type();

  /** What it does, on one line, for plans. */
  String describe();

  /** The step applied to the layer's input. */
  Dataset<Row> apply(Dataset<Row> input, StepContext context);
}
