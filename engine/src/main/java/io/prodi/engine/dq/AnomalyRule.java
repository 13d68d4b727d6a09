package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.prodi.dq.AnomalyBounds;
import io.prodi.dq.AnomalySpec;
import io.prodi.dq.ExpectationResult;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * {@code anomaly}: the metric is one more column of the shared pass (row_count is the pass's own count),
 * compared with the layer's last successful runs in the event log ({@link AnomalyBounds}). The value goes
 * into the run's metrics, so later runs compare with it.
 */
final class AnomalyRule implements Rule<AnomalySpec> {
  /** distinct_count is HyperLogLog++ (observable while a sink writes, unlike an exact count of distincts). */
  static final double DISTINCT_RELATIVE_ERROR = 0.01;

  @Override
  public List<Column> aggregates(AnomalySpec spec) {
    if (spec.metric() == AnomalySpec.Metric.ROW_COUNT) {
      return List.of();
    }
    Column column = col(spec.columns().get(0));
    switch (spec.metric()) {
      case NULL_FRACTION:
        return List.of(sum(when(column.isNull(), lit(1L)).otherwise(lit(0L))).cast("double"));
      case DISTINCT_COUNT:
        return List.of(approx_count_distinct(column, DISTINCT_RELATIVE_ERROR).cast("double"));
      case MEAN:
        return List.of(avg(column.cast("double")));
      case SUM:
        return List.of(sum(column.cast("double")));
      case MIN:
        return List.of(min(column.cast("double")));
      default:
        return List.of(max(column.cast("double")));
    }
  }

  @Override
  public ExpectationResult evaluate(AnomalySpec spec, Evaluation evaluation) {
    long rows = evaluation.totalRows();
    Double value = value(spec, evaluation, rows);
    if (value == null) {
      return ExpectationResult.table(spec, rows, false, spec.metricKey() + " has no value (no non-null "
          + spec.columns().get(0) + ")");
    }
    AnomalyBounds bounds = AnomalyBounds.of(spec, evaluation.history(spec.metricKey(), spec.window()));
    return ExpectationResult.measured(spec, rows, bounds.allows(value), bounds.describe(value), spec.metricKey(), value);
  }

  private static Double value(AnomalySpec spec, Evaluation evaluation, long rows) {
    if (spec.metric() == AnomalySpec.Metric.ROW_COUNT) {
      return (double) rows;
    }
    Row row = evaluation.aggregates(spec);
    if (row.isNullAt(0)) {
      return spec.metric() == AnomalySpec.Metric.NULL_FRACTION ? 0.0 : null;
    }
    double measured = row.getDouble(0);
    return spec.metric() == AnomalySpec.Metric.NULL_FRACTION ? (rows == 0 ? 0.0 : measured / rows) : measured;
  }
}
