package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ColumnSpec;
import org.apache.spark.sql.Column;

/** {@code not_null}: the column has a value. */
final class NotNullRule extends RowRule<ColumnSpec> {
  @Override
  protected Column failsWhen(ColumnSpec spec) {
    return col(spec.columns().get(0)).isNull();
  }
}
