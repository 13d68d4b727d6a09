package io.prodi.engine;

import io.prodi.dq.ExpectationResult;
import io.prodi.engine.dq.DqCheck;
import io.prodi.engine.dq.DqOutcome;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunSummary;
import io.prodi.sink.SinkResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The write stage when the output is computed once before any sink writes: the shared pass (the
 * output's row count and every expectation's aggregates) is the action that fills Spark's cache, not
 * an extra pass; then the sources' counts are in, an incremental run records its intent, the checks
 * decide (a failure stops the run before anything is written), the quarantine and every sink read the
 * cache.
 */
final class CachedWrite {
  private final StepContext context;
  private final RunSummary summary;
  private final ObservedCounts counts;
  private final StepTimer timer;

  CachedWrite(StepContext context, RunSummary summary, ObservedCounts counts, StepTimer timer) {
    this.context = context;
    this.summary = summary;
    this.counts = counts;
    this.timer = timer;
  }

  /**
   * Writes {@code output}; {@code sourcesIn} receives the sources' observed rows and the output's rows once
   * they are in, before any sink writes (an incremental run records its intent there); {@code runKey} keys
   * the quarantine.
   */
  Written write(Dataset<Row> output, DqCheck dq, List<ExpectationResult> schema,
      BiConsumer<Map<String, Row>, Long> sourcesIn, String runKey) {
    Set<String> observed = counts.namesIn(output);
    Dataset<Row> cached = output.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long mark = counts.actionsSeen("collectAsList");
      DqOutcome outcome = timer.timed(dq.hasExpectations() ? "dq" : "output",
          () -> dq.complete(cached, dq.sharedPass(cached), schema));
      Map<String, Row> sources = counts.awaitAction(observed, "collectAsList", mark);
      sourcesIn.accept(sources, outcome.totalRows());
      outcome.quarantined().ifPresent(rows -> timer.timed("quarantine",
          () -> new QuarantineWrite(context, summary).write(rows, outcome.quarantinedRows(), runKey)));
      List<SinkResult> results = SinkStage.writeAll(context, timer, outcome.kept());
      return new Written(results, outcome.keptRows(), sources, observed);
    } finally {
      cached.unpersist(false);
    }
  }
}
