package io.prodi.engine;

import io.prodi.dq.ExpectationResult;
import io.prodi.engine.dq.DqCheck;
import io.prodi.engine.dq.DqOutcome;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunFailure;
import io.prodi.sink.SinkResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The write stage when one sink is all that reads the output and no check must stop the run first:
 * the output's row count and the expectations' aggregates are observed while that sink's write
 * computes the output (one pass, no cache). A write that did not compute the output (mode ignore on
 * an existing path, a noop sink) leaves the counts unknown, and the expectations then run their
 * shared pass as an aggregation of its own.
 */
final class ObservedWrite {
  private static final String OUTPUT = "output";

  private final StepContext context;
  private final ObservedCounts counts;
  private final StepTimer timer;

  ObservedWrite(StepContext context, ObservedCounts counts, StepTimer timer) {
    this.context = context;
    this.counts = counts;
    this.timer = timer;
  }

  /**
   * Writes {@code output}; {@code sourcesIn} receives the sources' observed rows after the write, and the
   * output's rows (null when nothing computed the output).
   */
  Written write(Dataset<Row> output, DqCheck dq, List<ExpectationResult> schema,
      BiConsumer<Map<String, Row>, Long> sourcesIn) {
    Dataset<Row> kept = dq.keptWhileWriting(counts.observe(output, OUTPUT, dq.sharedAggregates()));
    Set<String> names = new HashSet<>(counts.namesIn(kept));
    List<SinkResult> results;
    try {
      results = SinkStage.writeAll(context, timer, kept);
    } catch (RuntimeException e) {
      throw io.prodi.engine.dq.WriteGuard.failure(e).orElseThrow(() -> e);
    }
    boolean computed = results.stream().anyMatch(SinkResult::computedOutput);
    Row shared = computed ? counts.await(names).get(OUTPUT) : dq.hasExpectations() ? dq.sharedPass(output) : null;
    names.remove(OUTPUT);
    boolean sourcesRead = computed || dq.hasExpectations();
    Map<String, Row> sources = sourcesRead ? counts.await(names) : Map.of();
    if (shared == null && dq.hasExpectations()) {
      throw new RunFailure("Cannot read the data-quality results: Spark reported no metrics for the write of "
          + context.config().sinks().get(0).location(context.config().locationStorage(), context.config().baseDir()));
    }
    sourcesIn.accept(sources, shared == null ? null : shared.getLong(0));
    return new Written(results, rowsWritten(output, dq, schema, shared), sources, sourcesRead ? names : Set.of());
  }

  /** The rows the sink received: what the checks kept, or the observed count (null when nothing computed it). */
  private Long rowsWritten(Dataset<Row> output, DqCheck dq, List<ExpectationResult> schema, Row shared) {
    if (!dq.hasExpectations()) {
      return shared == null ? null : shared.getLong(0);
    }
    DqOutcome outcome = timer.timed("dq", () -> dq.complete(output, shared, schema));
    return outcome.keptRows();
  }
}
