package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.UniqueSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code unique}: no two rows share the key. One grouped job; rows whose key has a null are not
 * compared (as in a SQL UNIQUE constraint). Failing rows are all the rows of a duplicated key.
 */
final class UniqueRule implements Rule<UniqueSpec> {
  private static final int SAMPLES = 3;

  @Override
  public ExpectationResult evaluate(UniqueSpec spec, Evaluation evaluation) {
    Column[] keys = spec.columns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Column noNullKey = lit(true);
    for (Column key : keys) {
      noNullKey = noNullKey.and(key.isNotNull());
    }
    evaluation.context().describe("dq " + spec.name());
    Dataset<Row> duplicates = evaluation.output().where(noNullKey).groupBy(keys).agg(count(lit(1)).as("n"))
        .where(col("n").gt(1));
    Row totals = duplicates.agg(org.apache.spark.sql.functions.sum("n"),
        org.apache.spark.sql.functions.slice(org.apache.spark.sql.functions.collect_list(
            org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(keys))), 1, SAMPLES)).head();
    long failed = totals.isNullAt(0) ? 0 : totals.getLong(0);
    List<String> samples = totals.isNullAt(1) ? List.of() : new ArrayList<>(totals.getList(1));
    return ExpectationResult.rows(spec, evaluation.totalRows(), failed, samples);
  }
}
