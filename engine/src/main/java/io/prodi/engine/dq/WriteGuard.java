package io.prodi.engine.dq;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.OnFail;
import io.prodi.run.RunFailure;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A stream's row-level {@code fail} expectations enforced inside the write instead of in a pass of their own: each
 * row the sink receives is checked as it is written, and the first failing row raises an error that aborts the
 * write job before its sink commits (an append of a micro-batch commits at the job's end: Delta and Iceberg commit
 * after every task, files are staged, a database append goes through its staging table). The micro-batch is then
 * read once instead of twice (no cache); the run still ends with nothing written and its offsets where they were.
 */
public final class WriteGuard {
  private static final String MARKER = "prodi expectation failed: ";

  private WriteGuard() {}

  /**
   * Whether a layer's stopping expectations can be enforced while its one appending sink writes: a stream layer,
   * fail_on_error, and every expectation that stops the run a row-level one.
   */
  public static boolean applies(LayerConfig config) {
    List<ExpectationSpec> stopping = stopping(config);
    return config.streams() && !stopping.isEmpty() && stopping.stream().allMatch(ExpectationSpec::isRowLevel)
        && config.sinks().size() == 1 && config.sinks().get(0).mode().appends();
  }

  private static List<ExpectationSpec> stopping(LayerConfig config) {
    return !config.dq().failOnError() ? List.of() : config.dq().expectations().stream()
        .filter(e -> e.onFail() == OnFail.FAIL).collect(Collectors.toList());
  }

  /** The rows with each stopping expectation checked as they are computed. */
  static Dataset<Row> guard(Dataset<Row> rows, LayerConfig config) {
    Dataset<Row> guarded = rows;
    for (ExpectationSpec spec : stopping(config)) {
      RowRule<ExpectationSpec> rule = Rules.row(spec);
      Column raise = raise_error(concat(lit(MARKER + spec.name() + " (" + spec.severity() + ", on_fail fail) on a row: "),
          rule.sampleOf(spec).cast("string")));
      guarded = guarded.where(when(rule.failure(spec), raise).isNull());
    }
    return guarded;
  }

  /** A write the guard aborted, as one line naming the expectation and the failing row's value. */
  public static Optional<RunFailure> failure(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      int at = message.indexOf(MARKER);
      if (at >= 0) {
        String what = message.substring(at + MARKER.length()).split("\n")[0];
        return Optional.of(new RunFailure("Cannot write the output: expectation " + what.replaceAll("[\"\\]]+$", "")
            + "; the sink committed nothing and the stream stays where it was", thrown));
      }
    }
    return Optional.empty();
  }
}
