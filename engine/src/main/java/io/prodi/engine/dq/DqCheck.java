package io.prodi.engine.dq;

import io.prodi.dq.DqSpec;
import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A layer run's data quality, in one place: the schema check before any job, the one shared pass's
 * columns (with the output's row count first, so a run without expectations uses it too), what the
 * sinks keep, and the decision: every result into the summary and the report, warnings printed, and
 * the run ended (exit 1, before anything is written) when an error expectation whose action is fail
 * failed and fail_on_error is true. The expectations decide nothing themselves.
 */
public final class DqCheck {
  private final StepContext context;
  private final RunSummary summary;
  private final DqSpec dq;
  private final List<ExpectationSpec> dataExpectations;

  public DqCheck(StepContext context, RunSummary summary) {
    this.context = context;
    this.summary = summary;
    this.dq = context.config().dq();
    this.dataExpectations = dq.expectations().stream().filter(s -> !s.isSchemaOnly()).collect(Collectors.toList());
  }

  public boolean hasExpectations() {
    return !dq.expectations().isEmpty();
  }

  /** columns_exist, on the schema, before any job: a missing column stops the run here. */
  public List<ExpectationResult> checkSchema(Dataset<Row> output) {
    boolean checksValues = dq.expectations().stream().anyMatch(e -> e.type().id().equals("value_parses"));
    if (checksValues && !java.util.Arrays.asList(output.columns()).contains(io.prodi.dq.ValueParsesSpec.ERROR_COLUMN)) {
      throw new RunFailure("Cannot check value_parses: the output has no " + io.prodi.dq.ValueParsesSpec.ERROR_COLUMN
          + " column, so a value that did not decode would pass as nulls; keep the column in the transform (SELECT *,"
          + " or name it) (" + String.join(", ", output.columns()) + ")");
    }
    List<ExpectationResult> schema = DataQuality.checkSchema(output, dq.expectations(), context);
    decide(schema, false);
    return schema;
  }

  /** The columns of the one shared pass: the output's rows, rows removed, rows quarantined, each rule's own. */
  public List<Column> sharedAggregates() {
    return DataQuality.sharedAggregates(dataExpectations);
  }

  /** The shared pass as an aggregation of its own (over a cached output, it fills the cache). */
  public Row sharedPass(Dataset<Row> output) {
    context.describe(hasExpectations() ? "dq: " + dataExpectations.size() + " expectations in one pass"
        : "compute the output once for " + context.config().sinks().size() + " sink(s)");
    List<Column> columns = sharedAggregates();
    return output.agg(columns.get(0), columns.subList(1, columns.size()).toArray(new Column[0])).collectAsList().get(0);
  }

  /** The output without the rows that broke a drop or quarantine rule: what the sinks receive. */
  public Dataset<Row> kept(Dataset<Row> output) {
    return DataQuality.kept(output, dataExpectations);
  }

  /** What the sinks receive when the checks run while they write: the kept rows, a stream's stopping rules guarded. */
  public Dataset<Row> keptWhileWriting(Dataset<Row> output) {
    Dataset<Row> kept = kept(output);
    return WriteGuard.applies(context.config()) ? WriteGuard.guard(kept, context.config()) : kept;
  }

  /** The outcome from the shared pass's row, however it was computed; decides (and may stop the run). */
  public DqOutcome complete(Dataset<Row> output, Row shared, List<ExpectationResult> schema) {
    DqOutcome outcome = DataQuality.outcome(output, shared, dataExpectations, context, Instant.now());
    if (hasExpectations()) {
      List<ExpectationResult> all = new ArrayList<>(schema);
      all.addAll(outcome.results());
      decide(all, true);
    }
    return outcome;
  }

  /**
   * Stops the run when a failure must, else (once every result is in) records them all. The schema
   * check runs first, alone: a missing column stops the run before any job.
   */
  private void decide(List<ExpectationResult> results, boolean complete) {
    List<ExpectationResult> failures = results.stream().filter(ExpectationResult::failsTheRun)
        .collect(Collectors.toList());
    boolean stop = !failures.isEmpty() && dq.failOnError();
    if (!complete && !stop) {
      return;
    }
    String layer = context.layer();
    results.forEach(r -> summary.expectation(DqReport.json(r)));
    results.forEach(r -> r.metric().ifPresent(m -> summary.metric(m.getKey(), m.getValue())));
    for (ExpectationResult r : results) {
      if (!r.passed() && !(stop && r.failsTheRun())) {
        context.console().warning("[" + layer + "] expectation " + r.describe() + " (" + r.spec().severity()
            + ", on_fail " + r.spec().onFail() + (r.failsTheRun() ? ", fail_on_error false" : "") + ")");
      }
    }
    dq.reportPath().ifPresent(path -> DqReport.write(context.resolve(path), layer, context.runId(),
        stop ? "failed" : "passed", results, context));
    if (stop) {
      throw new RunFailure("Cannot write the " + layer + " output: " + failures.size() + " error expectation"
          + (failures.size() == 1 ? "" : "s") + " failed: " + failures.stream().map(ExpectationResult::describe)
          .collect(Collectors.joining("; ")) + " (fail_on_error true; nothing was written)");
    }
  }
}
