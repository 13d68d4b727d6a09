package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ValidValuesSpec;
import org.apache.spark.sql.Column;

/** {@code valid_values}: the column is one of {@code values} (a null is not a failure). */
final class ValidValuesRule extends RowRule<ValidValuesSpec> {
  @Override
  protected Column failsWhen(ValidValuesSpec spec) {
    return org.apache.spark.sql.functions.not(col(spec.column()).isin(spec.values().toArray()));
  }
}
