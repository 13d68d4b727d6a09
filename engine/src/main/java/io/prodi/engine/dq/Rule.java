package io.prodi.engine.dq;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * How one expectation type is evaluated. A rule adds its aggregation columns to the one shared pass
 * over the output (Deequ's scan sharing), then reads its result back from that pass's row; unique
 * and referential run one job of their own, columns_exist looks at the schema only.
 */
public interface Rule<S extends ExpectationSpec> {
  /** The columns this expectation adds to the shared aggregation (read back in this order). */
  default List<Column> aggregates(S spec) {
    return List.of();
  }

  /**
   * Whether its aggregates can be observed while a sink writes ({@code Dataset.observe} takes no
   * distinct aggregate); when not, the shared pass runs as an aggregation of its own.
   */
  default boolean observable() {
    return true;
  }

  ExpectationResult evaluate(S spec, Evaluation evaluation);
}
