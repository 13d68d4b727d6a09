package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * A row-level rule: each row passes or fails on its own, so failing rows can be dropped or
 * quarantined. It adds to the shared pass the count of its failing rows (a numeric sum, so that the
 * whole pass stays one code-generated aggregation); samples of failing values are fetched afterwards,
 * only for rules that failed (see {@link DataQuality}).
 */
public abstract class RowRule<S extends ExpectationSpec> implements Rule<S> {
  /** Whether a row fails, never null: a null value fails only not_null (and a condition only when false). */
  public final Column failure(S spec) {
    return coalesce(failsWhen(spec), lit(false));
  }

  /** The raw failure condition; null means "not a failure". */
  protected abstract Column failsWhen(S spec);

  /** What a sample shows of a failing row: the checked column. */
  public Column sampleOf(S spec) {
    return col(spec.columns().get(0)).cast("string");
  }

  /** The failing rows' count: the never-null failure cast to a number and summed (lighter code than a CASE WHEN). */
  @Override
  public final List<Column> aggregates(S spec) {
    return List.of(sum(failure(spec).cast("long")));
  }

  @Override
  public final ExpectationResult evaluate(S spec, Evaluation evaluation) {
    Row row = evaluation.aggregates(spec);
    long failed = row.isNullAt(0) ? 0 : row.getLong(0);
    return ExpectationResult.rows(spec, evaluation.totalRows(), failed, evaluation.samples(spec));
  }
}
