package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.FreshnessSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/** {@code freshness}: the newest value of a timestamp column is no older than {@code max_age}. */
final class FreshnessRule implements Rule<FreshnessSpec> {
  @Override
  public List<Column> aggregates(FreshnessSpec spec) {
    return List.of(max(col(spec.columns().get(0)).cast("timestamp")));
  }

  @Override
  public ExpectationResult evaluate(FreshnessSpec spec, Evaluation evaluation) {
    Row row = evaluation.aggregates(spec);
    Instant oldestAllowed = evaluation.now().minus(spec.maxAge());
    if (row.isNullAt(0)) {
      return ExpectationResult.table(spec, evaluation.totalRows(), false, "no value in " + spec.columns().get(0));
    }
    Instant newest = ((Timestamp) row.get(0)).toInstant();
    return ExpectationResult.table(spec, evaluation.totalRows(), !newest.isBefore(oldestAllowed),
        "newest " + newest + ", expected at or after " + oldestAllowed);
  }
}
