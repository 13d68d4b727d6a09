package io.prodi.engine.dq;

import io.prodi.dq.ColumnsExistSpec;
import io.prodi.dq.ExpectationResult;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code columns_exist}: checked on the output's schema, before any job (so no rows are counted). */
final class ColumnsExistRule implements Rule<ColumnsExistSpec> {
  @Override
  public ExpectationResult evaluate(ColumnsExistSpec spec, Evaluation evaluation) {
    List<String> present = Arrays.asList(evaluation.output().columns());
    List<String> missing = spec.columns().stream()
        .filter(c -> present.stream().noneMatch(p -> p.equalsIgnoreCase(c))).collect(Collectors.toList());
    return ExpectationResult.table(spec, null, missing.isEmpty(),
        missing.isEmpty() ? "all present" : "missing " + String.join(", ", missing));
  }
}
