package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ExpectationSpec;
import org.apache.spark.sql.Column;

/** {@code valid_values}: the column is one of {@code values} (a null is not a failure). */
final class ValidValuesRule extends RowRule {
  @Override
  protected Column failsWhen(ExpectationSpec spec) {
    return org.apache.spark.sql.functions.not(col(spec.columns().get(0)).isin(spec.values().toArray()));
  }
}
