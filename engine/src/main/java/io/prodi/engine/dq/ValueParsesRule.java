package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ValueParsesSpec;
import org.apache.spark.sql.Column;

/** {@code value_parses}: the stream decoder left no reason in {@value ValueParsesSpec#ERROR_COLUMN}; the sample is the reason. */
final class ValueParsesRule extends RowRule<ValueParsesSpec> {
  @Override
  protected Column failsWhen(ValueParsesSpec spec) {
    return col(ValueParsesSpec.ERROR_COLUMN).isNotNull();
  }

  /** The reason the decoder gave. */
  @Override
  public Column sampleOf(ValueParsesSpec spec) {
    return col(ValueParsesSpec.ERROR_COLUMN);
  }
}
