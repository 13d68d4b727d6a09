package io.prodi.engine;

import io.prodi.dq.DqSpec;
import io.prodi.dq.ExpectationResult;
import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.ExpectationType;
import io.prodi.engine.dq.DataQuality;
import io.prodi.engine.dq.DqOutcome;
import io.prodi.engine.dq.DqReport;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The layer's side of data quality: runs the evaluation, records every result in the summary and
 * the report, prints warnings, and ends the run (exit 1, before anything is written) when an error
 * expectation whose action is fail has failed and fail_on_error is true.
 */
final class DqStep {
  private final StepContext context;
  private final RunSummary summary;
  private final DqSpec dq;

  DqStep(StepContext context, RunSummary summary) {
    this.context = context;
    this.summary = summary;
    this.dq = context.config().dq();
  }

  /** columns_exist, on the schema, before any job: a missing column stops the run here. */
  List<ExpectationResult> checkSchema(Dataset<Row> output) {
    List<ExpectationResult> schema = DataQuality.checkSchema(output, dq.expectations(), context);
    decide(schema, false);
    return schema;
  }

  /** The expectations that need data (all but columns_exist). */
  List<ExpectationSpec> dataExpectations() {
    return dq.expectations().stream().filter(s -> s.type().scope() != ExpectationType.Scope.SCHEMA)
        .collect(Collectors.toList());
  }

  /** The outcome for an output the caller has cached (the shared pass fills that cache). */
  DqOutcome check(Dataset<Row> cachedOutput) {
    List<ExpectationResult> schema = checkSchema(cachedOutput);
    return complete(schema, DataQuality.evaluate(cachedOutput, dataExpectations(), context, Instant.now()));
  }

  /** The outcome from the shared pass's row observed while the sink was written. */
  DqOutcome fromObserved(Dataset<Row> output, Row shared, List<ExpectationResult> schema) {
    return complete(schema, DataQuality.outcome(output, shared, dataExpectations(), context, Instant.now()));
  }

  private DqOutcome complete(List<ExpectationResult> schema, DqOutcome outcome) {
    List<ExpectationResult> all = new ArrayList<>(schema);
    all.addAll(outcome.results());
    decide(all, true);
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
