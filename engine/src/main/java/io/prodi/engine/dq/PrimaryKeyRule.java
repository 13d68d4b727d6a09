package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.PrimaryKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code primary_key}: no row has a null in the key and no two rows share it. The shared pass counts
 * the rows with a null in the key, the rows without, and the distinct keys among those; only when the
 * key failed, one small job each fetches samples (null keys; repeated keys with their row counts).
 * Failing rows: those with a null in the key and every row of a repeated key.
 */
final class PrimaryKeyRule implements Rule<PrimaryKeySpec> {
  private static final int SAMPLES = 3;

  @Override
  public List<Column> aggregates(PrimaryKeySpec spec) {
    Column complete = complete(spec);
    return List.of(sum(when(complete, 0L).otherwise(1L)), sum(when(complete, 1L).otherwise(0L)),
        countDistinct(when(complete, key(spec))));
  }

  /** A distinct count cannot be observed during a write: the shared pass then runs as its own aggregation. */
  @Override
  public boolean observable() {
    return false;
  }

  @Override
  public ExpectationResult evaluate(PrimaryKeySpec spec, Evaluation evaluation) {
    Row row = evaluation.aggregates(spec);
    long nullKeys = row.isNullAt(0) ? 0 : row.getLong(0);
    long keyed = row.isNullAt(1) ? 0 : row.getLong(1);
    long distinct = row.getLong(2);
    List<String> samples = new ArrayList<>();
    long repeatedKeys = 0;
    long repeatedRows = 0;
    if (nullKeys > 0) {
      evaluation.context().describe("dq " + spec.name() + ": samples of null keys");
      evaluation.output().where(org.apache.spark.sql.functions.not(complete(spec))).select(shown(key(spec))).limit(SAMPLES)
          .collectAsList().forEach(r -> samples.add("null key " + r.getString(0)));
    }
    if (keyed > distinct) {
      evaluation.context().describe("dq " + spec.name() + ": repeated keys");
      Column[] columns = spec.columns().stream().map(c -> col(c)).toArray(Column[]::new);
      Dataset<Row> repeated = evaluation.output().where(complete(spec)).groupBy(columns).agg(count(lit(1)).as("n"))
          .where(col("n").gt(1));
      Row totals = repeated.agg(count(lit(1)), sum("n"), slice(collect_list(org.apache.spark.sql.functions.concat(
          shown(struct(columns)), lit(" ×"), col("n").cast("string"))), 1, SAMPLES)).head();
      repeatedKeys = totals.getLong(0);
      repeatedRows = totals.isNullAt(1) ? 0 : totals.getLong(1);
      totals.<String>getList(2).forEach(s -> samples.add("repeated " + s));
    }
    String observed = nullKeys + " row" + (nullKeys == 1 ? "" : "s") + " with a null key, " + repeatedKeys + " key"
        + (repeatedKeys == 1 ? "" : "s") + " repeated (" + repeatedRows + " rows)";
    return ExpectationResult.rows(spec, evaluation.totalRows(), nullKeys + repeatedRows, samples, observed);
  }

  /** Whether a row has a value in every key column. */
  private static Column complete(PrimaryKeySpec spec) {
    Column all = lit(true);
    for (String column : spec.columns()) {
      all = all.and(col(column).isNotNull());
    }
    return all;
  }

  /** A key as JSON, nulls shown. */
  private static Column shown(Column key) {
    return to_json(key, java.util.Map.of("ignoreNullFields", "false"));
  }

  private static Column key(PrimaryKeySpec spec) {
    return struct(spec.columns().stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
