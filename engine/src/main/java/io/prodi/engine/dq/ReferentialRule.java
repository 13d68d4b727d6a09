package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.col;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ReferentialSpec;
import io.prodi.engine.source.SourceReaders;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code referential}: every value of the column exists in {@code ref}'s column (a null is not a
 * failure). One join (left anti) against the referenced source.
 */
final class ReferentialRule implements Rule<ReferentialSpec> {
  private static final int SAMPLES = 3;

  @Override
  public ExpectationResult evaluate(ReferentialSpec spec, Evaluation evaluation) {
    String column = spec.columns().get(0);
    evaluation.context().describe("dq " + spec.name());
    Dataset<Row> ref = SourceReaders.read(spec.ref().orElseThrow(), evaluation.context())
        .select(col(spec.refColumn()).as("__prodi_ref")).distinct();
    Dataset<Row> orphans = evaluation.output().where(col(column).isNotNull())
        .join(ref, col(column).equalTo(col("__prodi_ref")), "left_anti");
    Row totals = orphans.agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
        org.apache.spark.sql.functions.slice(org.apache.spark.sql.functions.collect_set(col(column).cast("string")),
            1, SAMPLES)).head();
    List<String> samples = totals.getList(1).stream().map(String::valueOf).collect(Collectors.toList());
    return ExpectationResult.rows(spec, evaluation.totalRows(), totals.getLong(0), samples);
  }
}
