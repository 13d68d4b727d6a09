package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.prodi.dq.RegexSpec;
import org.apache.spark.sql.Column;

/** {@code regex}: the column matches {@code pattern} somewhere (use ^...$ for all of it; a null is not a failure). */
final class RegexRule extends RowRule<RegexSpec> {
  @Override
  protected Column failsWhen(RegexSpec spec) {
    return not(col(spec.columns().get(0)).cast("string").rlike(spec.pattern()));
  }
}
