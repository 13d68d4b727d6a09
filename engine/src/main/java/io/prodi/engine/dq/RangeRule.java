package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.prodi.dq.RangeSpec;
import org.apache.spark.sql.Column;

/**
 * {@code range}: the column is within {@code min} and {@code max}, both inclusive (a null is not a
 * failure). Numbers compare as numbers; other bounds (dates, timestamps) as Spark coerces them.
 */
final class RangeRule extends RowRule<RangeSpec> {
  @Override
  protected Column failsWhen(RangeSpec spec) {
    Column value = col(spec.columns().get(0));
    Column below = spec.min().map(m -> value.lt(bound(m))).orElse(lit(false));
    Column above = spec.max().map(m -> value.gt(bound(m))).orElse(lit(false));
    return below.or(above);
  }

  static Column bound(String text) {
    try {
      return lit(Long.parseLong(text));
    } catch (NumberFormatException notWhole) {
      try {
        return lit(Double.parseDouble(text));
      } catch (NumberFormatException notNumber) {
        return lit(text);
      }
    }
  }
}
