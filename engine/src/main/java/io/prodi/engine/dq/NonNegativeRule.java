package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ColumnSpec;
import org.apache.spark.sql.Column;

/** {@code non_negative}: the column is 0 or more (a null is not a failure). */
final class NonNegativeRule extends RowRule<ColumnSpec> {
  @Override
  protected Column failsWhen(ColumnSpec spec) {
    return col(spec.columns().get(0)).lt(0);
  }
}
