package io.prodi.engine.dq;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
/** {@code min_row_count} and {@code max_row_count}: the output has at least / at most {@code value} rows. */
final class RowCountRule implements Rule {
  private final boolean minimum;

  RowCountRule(boolean minimum) {
    this.minimum = minimum;
  }

  @Override
  public ExpectationResult evaluate(ExpectationSpec spec, Evaluation evaluation) {
    long rows = evaluation.totalRows();
    long bound = spec.count().orElse(0L);
    boolean passed = minimum ? rows >= bound : rows <= bound;
    return ExpectationResult.table(spec, rows, passed, rows + " rows, expected " + (minimum ? "at least " : "at most ")
        + bound);
  }
}
