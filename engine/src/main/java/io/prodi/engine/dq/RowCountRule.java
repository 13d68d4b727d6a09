package io.prodi.engine.dq;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.RowCountSpec;
/** {@code min_row_count} and {@code max_row_count}: the output has at least / at most {@code value} rows. */
final class RowCountRule implements Rule<RowCountSpec> {
  @Override
  public ExpectationResult evaluate(RowCountSpec spec, Evaluation evaluation) {
    long rows = evaluation.totalRows();
    long bound = spec.bound();
    boolean passed = spec.isMinimum() ? rows >= bound : rows <= bound;
    return ExpectationResult.table(spec, rows, passed, rows + " rows, expected " + (spec.isMinimum() ? "at least " : "at most ")
        + bound);
  }
}
