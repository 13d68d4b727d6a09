package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.OnFail;
import io.prodi.engine.spi.StepContext;
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
  private static final int SAMPLES = 3;
  private static final int SAMPLE_ROWS = 50;

  private DataQuality() {}

  /** The schema-level expectations (columns_exist), checked before any job. */
  public static List<ExpectationResult> checkSchema(Dataset<Row> output, List<ExpectationSpec> specs,
      StepContext context) {
    Evaluation evaluation = new Evaluation(output, Map.of(), Map.of(), 0, context, Instant.now());
    return specs.stream().filter(ExpectationSpec::isSchemaOnly)
        .map(s -> Rules.of(s).evaluate(s, evaluation)).collect(Collectors.toList());
  }

  /**
   * The columns of the one shared pass: total rows, rows to remove (drop or quarantine), rows to
   * quarantine, then each row-level and table expectation's own columns, in the order of {@code specs}.
   */
  public static List<Column> sharedAggregates(List<ExpectationSpec> specs) {
    List<Column> columns = new ArrayList<>(List.of(count(lit(1)),
        sum(anyFailure(specs, OnFail.DROP, OnFail.QUARANTINE).cast("long")),
        sum(anyFailure(specs, OnFail.QUARANTINE).cast("long"))));
    for (ExpectationSpec spec : specs) {
      columns.addAll(Rules.of(spec).aggregates(spec));
    }
    return columns;
  }

  /** Whether the shared pass can be observed during a write (no rule needs a distinct aggregate). */
  public static boolean observable(List<ExpectationSpec> specs) {
    return specs.stream().allMatch(s -> Rules.of(s).observable());
  }

  /** The output without the rows that broke a drop or quarantine rule: what the sinks receive. */
  public static Dataset<Row> kept(Dataset<Row> output, List<ExpectationSpec> specs) {
    boolean removes = specs.stream().anyMatch(s -> s.onFail().removesRows());
    return removes ? output.where(not(anyFailure(specs, OnFail.DROP, OnFail.QUARANTINE))) : output;
  }

  /**
   * The outcome from the shared pass's row, however it was computed (an aggregation over the cached
   * output, or metrics observed while the sink was written); unique and referential run their jobs here.
   */
  public static DqOutcome outcome(Dataset<Row> output, Row row, List<ExpectationSpec> specs, StepContext context,
      Instant now) {
    List<ExpectationSpec> shared = specs.stream().filter(s -> !Rules.of(s).aggregates(s).isEmpty())
        .collect(Collectors.toList());
    long total = row.getLong(0);
    long removedRows = row.isNullAt(1) ? 0 : row.getLong(1);
    long quarantinedRows = row.isNullAt(2) ? 0 : row.getLong(2);
    Map<String, Row> slices = slices(row, 3, shared);
    Evaluation evaluation = new Evaluation(output, slices, samples(output, specs, slices, context), total, context, now);
    List<ExpectationResult> results = new ArrayList<>();
    for (ExpectationSpec spec : specs) {
      if (!spec.isSchemaOnly()) {
        results.add(Rules.of(spec).evaluate(spec, evaluation));
      }
    }
    Dataset<Row> quarantine = specs.stream().noneMatch(s -> s.onFail() == OnFail.QUARANTINE) ? null
        : output.where(anyFailure(specs, OnFail.QUARANTINE)).withColumn(FAILED_COLUMN, brokenRules(specs))
            .withColumn(RUN_ID_COLUMN, lit(context.runId()));
    return new DqOutcome(results, kept(output, specs), quarantine, total, total - removedRows, quarantinedRows);
  }

  /**
   * Up to three failing values of each row-level rule that failed: one small job over the failing
   * rows that stops as soon as it has enough (Spark's incremental limit), only when a rule failed.
   */
  private static Map<String, List<String>> samples(Dataset<Row> output, List<ExpectationSpec> specs,
      Map<String, Row> slices, StepContext context) {
    List<ExpectationSpec> failed = specs.stream().filter(ExpectationSpec::isRowLevel)
        .filter(s -> !slices.get(s.name()).isNullAt(0) && slices.get(s.name()).getLong(0) > 0)
        .collect(Collectors.toList());
    Map<String, List<String>> out = new HashMap<>();
    if (failed.isEmpty()) {
      return out;
    }
    Column anyFailed = lit(false);
    List<Column> values = new ArrayList<>();
    for (ExpectationSpec spec : failed) {
      RowRule<ExpectationSpec> rule = Rules.row(spec);
      anyFailed = anyFailed.or(rule.failure(spec));
      values.add(when(rule.failure(spec), org.apache.spark.sql.functions.coalesce(rule.sampleOf(spec), lit("null"))));
    }
    context.describe("dq: samples of " + failed.size() + " failed expectations");
    List<Row> rows = output.where(anyFailed).select(values.toArray(new Column[0])).limit(SAMPLE_ROWS).collectAsList();
    for (int i = 0; i < failed.size(); i++) {
      java.util.Set<String> found = new java.util.LinkedHashSet<>();
      for (Row r : rows) {
        if (!r.isNullAt(i) && found.size() < SAMPLES) {
          found.add(r.getString(i));
        }
      }
      out.put(failed.get(i).name(), new ArrayList<>(found));
    }
    return out;
  }

  /** Each shared expectation's columns of the aggregate row, keyed by its name. */
  private static Map<String, Row> slices(Row row, int offset, List<ExpectationSpec> shared) {
    Map<String, Row> out = new HashMap<>();
    int position = offset;
    for (ExpectationSpec spec : shared) {
      int width = Rules.of(spec).aggregates(spec).size();
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
  private static Column anyFailure(List<ExpectationSpec> specs, OnFail... actions) {
    List<OnFail> wanted = List.of(actions);
    Column any = lit(false);
    for (ExpectationSpec spec : specs) {
      if (spec.isRowLevel() && wanted.contains(spec.onFail())) {
        any = any.or(Rules.row(spec).failure(spec));
      }
    }
    return any;
  }

  /** The names of every row-level rule a row broke. */
  private static Column brokenRules(List<ExpectationSpec> specs) {
    Column[] names = specs.stream().filter(ExpectationSpec::isRowLevel)
        .map(s -> when(Rules.row(s).failure(s), lit(s.name()))).toArray(Column[]::new);
    return names.length == 0 ? array().cast("array<string>") : array_compact(array(names));
  }
}
