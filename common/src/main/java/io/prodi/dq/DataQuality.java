package io.prodi.dq;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.prodi.engine.StepContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Evaluates a layer's expectations the way Deequ's AnalysisRunner does: every row-level and table
 * expectation adds its aggregation columns to ONE aggregation over the output (one pass), plus one
 * grouped job per unique key set and one join per referential check; columns_exist looks at the
 * schema before any job. It decides nothing: the layer reads the outcome and fails or writes.
 */
public final class DataQuality {
  public static final String FAILED_COLUMN = "_dq_failed";
  public static final String RUN_ID_COLUMN = "_dq_run_id";

  private DataQuality() {}

  /** The schema-level expectations (columns_exist), checked before any job. */
  public static List<ExpectationResult> checkSchema(Dataset<Row> output, List<ExpectationSpec> specs,
      StepContext context) {
    Evaluation evaluation = new Evaluation(output, Map.of(), 0, context, Instant.now());
    return specs.stream().filter(s -> s.type().scope() == ExpectationType.Scope.SCHEMA)
        .map(s -> s.type().rule().evaluate(s, evaluation)).collect(Collectors.toList());
  }

  /**
   * Every other expectation, over {@code output} (which the caller has cached, so that this pass also
   * fills the cache the sinks then read), and the rows to keep and to quarantine.
   */
  public static DqOutcome evaluate(Dataset<Row> output, List<ExpectationSpec> specs, StepContext context,
      Instant now) {
    List<ExpectationSpec> shared = specs.stream().filter(s -> !s.type().rule().aggregates(s).isEmpty())
        .collect(Collectors.toList());
    Column removed = anyFailure(specs, "drop", "quarantine");
    Column quarantined = anyFailure(specs, "quarantine");
    List<Column> columns = new ArrayList<>(List.of(sum(when(removed, 1L).otherwise(0L)),
        sum(when(quarantined, 1L).otherwise(0L))));
    for (ExpectationSpec spec : shared) {
      columns.addAll(spec.type().rule().aggregates(spec));
    }
    context.describe("dq: " + specs.size() + " expectations in one pass");
    Row row = output.agg(count(lit(1)), columns.toArray(new Column[0])).collectAsList().get(0);
    long total = row.getLong(0);
    long removedRows = row.isNullAt(1) ? 0 : row.getLong(1);
    long quarantinedRows = row.isNullAt(2) ? 0 : row.getLong(2);
    Evaluation evaluation = new Evaluation(output, slices(row, 3, shared), total, context, now);
    List<ExpectationResult> results = new ArrayList<>();
    for (ExpectationSpec spec : specs) {
      if (spec.type().scope() != ExpectationType.Scope.SCHEMA) {
        results.add(spec.type().rule().evaluate(spec, evaluation));
      }
    }
    Dataset<Row> quarantine = quarantinedRows == 0 && specs.stream().noneMatch(s -> s.onFail().equals("quarantine"))
        ? null : output.where(quarantined).withColumn(FAILED_COLUMN, brokenRules(specs))
            .withColumn(RUN_ID_COLUMN, lit(context.runId()));
    Dataset<Row> kept = removedRows == 0 ? output : output.where(not(removed));
    return new DqOutcome(results, kept, quarantine, total, total - removedRows, quarantinedRows);
  }

  /** Each shared expectation's columns of the aggregate row, keyed by its name. */
  private static Map<String, Row> slices(Row row, int offset, List<ExpectationSpec> shared) {
    Map<String, Row> out = new HashMap<>();
    int position = offset;
    for (ExpectationSpec spec : shared) {
      int width = spec.type().rule().aggregates(spec).size();
      Object[] values = new Object[width];
      for (int i = 0; i < width; i++) {
        values[i] = row.get(position + i);
      }
      out.put(spec.name(), RowFactory.create(values));
      position += width;
    }
    return out;
  }

  /** Whether a row breaks any row-level rule whose action is one of {@code actions}. */
  private static Column anyFailure(List<ExpectationSpec> specs, String... actions) {
    List<String> wanted = List.of(actions);
    Column any = lit(false);
    for (ExpectationSpec spec : specs) {
      if (spec.type().isRowLevel() && wanted.contains(spec.onFail())) {
        any = any.or(((RowRule) spec.type().rule()).failure(spec));
      }
    }
    return any;
  }

  /** The names of every row-level rule a row broke. */
  private static Column brokenRules(List<ExpectationSpec> specs) {
    Column[] names = specs.stream().filter(s -> s.type().isRowLevel())
        .map(s -> when(((RowRule) s.type().rule()).failure(s), lit(s.name()))).toArray(Column[]::new);
    return names.length == 0 ? array().cast("array<string>") : array_compact(array(names));
  }
}
