package io.prodi.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import org.apache.spark.sql.Column;

/**
 * {@code condition}: a Spark SQL boolean expression holds. As in a SQL CHECK constraint, a row fails
 * when the expression is false; when it is null (unknown) the row passes.
 */
final class ConditionRule extends RowRule {
  @Override
  protected Column failsWhen(ExpectationSpec spec) {
    return not(expr(spec.expr().orElseThrow()));
  }

  /** A condition has no one column: the sample is the whole row as JSON. */
  @Override
  protected Column sampleOf(ExpectationSpec spec) {
    return to_json(struct(col("*")));
  }
}
