package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.dq.DqOutcome;
import io.prodi.engine.sink.SinkWriters;
import io.prodi.engine.source.SourceReaders;
import io.prodi.engine.spi.StepContext;
import io.prodi.engine.transform.PreStepFunctions;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import io.prodi.source.FilesSourceSpec;
import io.prodi.source.SourceSpec;
import io.prodi.transform.AddMetadataStep;
import io.prodi.transform.PreStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * One layer run on a session: read sources → pre steps → SQL → functions → data quality → write
 * every sink (and the quarantine) from one computation of the output → counts into the summary.
 */
final class LayerExecution {
  private StepContext context;
  private final LayerConfig config;
  private final String logicalDate;
  private final RunSummary summary;
  private final ObservedCounts counts;
  private final LayerProgress progress;
  private Watermarks watermarks;
  private Map<String, Row> observedSources = Map.of();
  /** The observed names of the sources that the jobs writing the output read. */
  private Set<String> sourcesRead = Set.of();
  /** Each source as read, after its watermark filter: looked at only when Spark reported nothing for it. */
  private final List<Dataset<Row>> sourceInputs = new ArrayList<>();

  LayerExecution(StepContext context, RunSummary summary, String logicalDate) {
    this.context = context;
    this.logicalDate = logicalDate;
    this.config = context.config();
    this.summary = summary;
    this.counts = new ObservedCounts(context.runId());
    this.progress = new LayerProgress(context, summary);
  }

  void run() {
    context.spark().listenerManager().register(counts);
    watermarks = Watermarks.start(context, context.env());
    if (!watermarks.isEmpty()) {
      context = context.withWriteTxn(new io.prodi.sink.WriteTxn(watermarks.stateIds(), watermarks.nextGeneration()));
    }
    try {
      Dataset<Row> output = transform(readInput());
      checkSinkColumns(output);
      if (config.dq().expectations().isEmpty()) {
        writeUnchecked(counts.observe(output, "output"));
      } else {
        writeChecked(output);
      }
      commitWatermarks();
    } finally {
      context.finish();
      watermarks.release();
      context.spark().listenerManager().unregister(counts);
      context.spark().sparkContext().setJobDescription(null);
    }
  }

  /** Every sink has committed: each incremental source's watermark moves to the newest value it read. */
  private void commitWatermarks() {
    Set<Integer> read = new java.util.HashSet<>();
    for (int i = 0; i < config.sources().size(); i++) {
      // Spark reports no metrics for a source that gave no rows: a quick look tells that from a lost event
      if (sourcesRead.contains("source_" + i) && (observedSources.containsKey("source_" + i)
          || !sourceInputs.get(i).isEmpty())) {
        read.add(i);
      }
    }
    watermarks.commit(bySource(observedSources), read, summary, context.runId());
  }

  private Map<Integer, Row> bySource(Map<String, Row> observed) {
    Map<Integer, Row> out = new java.util.HashMap<>();
    for (int i = 0; i < config.sources().size(); i++) {
      Row row = observed.get("source_" + i);
      if (row != null) {
        out.put(i, row);
      }
    }
    return out;
  }

  /**
   * Whether a rerun after a crash could repeat a write: an incremental run with an appending sink.
   * Then the output is computed once before the first sink writes, so that the run's intent (the
   * watermarks it will commit) is recorded before anything lands.
   */
  private boolean appendsIncrementally() {
    return !watermarks.isEmpty() && config.sinks().stream().anyMatch(s -> s.mode().equals("append"));
  }

  /** The sources' counts are in: an incremental run records what it will commit, before any sink writes. */
  private void sourcesObserved(Map<String, Row> observed) {
    recordSources(observed);
    if (!watermarks.isEmpty()) {
      watermarks.intend(bySource(observed), context.runId());
    }
  }

  /** A merge key or partition column the output lacks fails the run before anything is written. */
  private void checkSinkColumns(Dataset<Row> output) {
    List<String> columns = java.util.Arrays.asList(output.columns());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < config.sinks().size(); i++) {
      String label = config.sinks().size() == 1 ? "io.sink" : "io.sink[" + i + "]";
      config.sinks().get(i).missingColumns(columns).forEach(p -> problems.add(label + ": " + p));
    }
    if (!problems.isEmpty()) {
      throw new RunFailure(String.join("; ", problems));
    }
  }

  private Dataset<Row> readInput() {
    boolean tagSources = config.transform().pre().stream().anyMatch(s -> s instanceof AddMetadataStep);
    List<Dataset<Row>> inputs = new ArrayList<>();
    StepContext reading = context.withWatermarks(source -> watermarks.current(config, source));
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      context.describe("read " + LayerProgress.label(source, i));
      Dataset<Row> data = watermarks.filter(i, SourceReaders.read(source, reading));
      sourceInputs.add(data);
      source.name().ifPresent(data::createOrReplaceTempView);
      if (tagSources) {
        data = data.withColumn(StepContext.SOURCE_TAG, source instanceof FilesSourceSpec
            ? org.apache.spark.sql.functions.input_file_name()
            : org.apache.spark.sql.functions.lit(source.name().orElse(source.type())));
      }
      int index = i;
      Optional<org.apache.spark.sql.Column> newest = watermarks.maximum(index, data);
      inputs.add(newest.isPresent()
          ? counts.observe(data, "source_" + i, List.of(org.apache.spark.sql.functions.count(
              org.apache.spark.sql.functions.lit(1)), newest.get()))
          : counts.observe(data, "source_" + i));
    }
    Dataset<Row> input = inputs.get(0);
    for (Dataset<Row> other : inputs.subList(1, inputs.size())) {
      input = input.unionByName(other, true);
    }
    return input;
  }

  private Dataset<Row> transform(Dataset<Row> input) {
    Dataset<Row> data = input;
    for (PreStep step : config.transform().pre()) {
      context.describe("pre " + step.type());
      data = PreStepFunctions.apply(step, data, context);
    }
    return SqlTransform.apply(data, context);
  }

  /**
   * No expectations. With one sink the output is computed by the write itself (a Delta merge
   * materializes its source once on its own); with several sinks it is computed once into Spark's
   * cache (the count that fills the cache is that computation, not an extra pass) and each sink
   * reads the cache.
   */
  private void writeUnchecked(Dataset<Row> output) {
    boolean shared = config.sinks().size() > 1 || appendsIncrementally();
    Set<String> observed = counts.namesIn(output);
    Dataset<Row> data = shared ? output.persist(StorageLevel.MEMORY_AND_DISK()) : output;
    try {
      Map<String, Row> seen = Map.of();
      if (shared) {
        long mark = counts.actionsSeen("count");
        timed("output", () -> {
          context.describe("compute the output once for " + config.sinks().size() + " sink(s)");
          return data.count();
        });
        seen = counts.awaitAction(observed, "count", mark);
        sourcesRead = observed;
        sourcesObserved(seen);
      }
      List<SinkResult> results = writeSinks(data);
      if (!shared && results.stream().anyMatch(SinkResult::computedOutput)) {
        seen = counts.await(observed);
        sourcesRead = observed;
        recordSources(seen);
      } else if (!shared) {
        recordSources(seen);
      }
      recordSinks(results, ObservedCounts.counts(seen).get("output"));
    } finally {
      if (shared) {
        data.unpersist(false);
      }
    }
  }

  /**
   * With expectations. When no expectation can stop the run and one plain sink is all that reads the
   * output, the expectations' aggregates are observed during that sink's write: one pass, no cache.
   * Otherwise (a failure must stop the run before anything is written, or a quarantine or several
   * sinks read the output) the output is cached and the data-quality pass fills the cache.
   */
  private void writeChecked(Dataset<Row> output) {
    boolean mayStop = config.dq().failOnError()
        && config.dq().expectations().stream().anyMatch(e -> e.onFail().equals("fail"));
    boolean quarantines = config.dq().expectations().stream().anyMatch(e -> e.onFail().equals("quarantine"));
    boolean oneReader = config.sinks().size() == 1 && !config.sinks().get(0).mode().equals("merge");
    if (mayStop || quarantines || !oneReader || appendsIncrementally()) {
      writeCheckedFromCache(output);
    } else {
      writeCheckedWhileWriting(output);
    }
  }

  private void writeCheckedWhileWriting(Dataset<Row> output) {
    DqStep step = new DqStep(context, summary);
    List<io.prodi.dq.ExpectationResult> schema = step.checkSchema(output);
    List<org.apache.spark.sql.Column> aggregates = io.prodi.engine.dq.DataQuality.sharedAggregates(step.dataExpectations());
    Dataset<Row> observed = counts.observe(output, "dq", aggregates);
    Dataset<Row> kept = io.prodi.engine.dq.DataQuality.kept(observed, step.dataExpectations());
    Set<String> names = counts.namesIn(kept);
    sourcesRead = names;
    SinkResult result = writeSinks(kept).get(0);
    Map<String, Row> seen;
    Row shared;
    if (result.computedOutput()) {
      seen = counts.await(names);
      shared = seen.get("dq");
    } else {
      context.describe("dq: " + step.dataExpectations().size() + " expectations in one pass");
      shared = output.agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
          .toArray(new org.apache.spark.sql.Column[0])).collectAsList().get(0);
      names.remove("dq");
      seen = counts.await(names);
    }
    if (shared == null) {
      throw new RunFailure("Cannot read the data-quality results: Spark reported no metrics for the write of "
          + config.sinks().get(0).location(config.locationStorage(), config.baseDir()));
    }
    DqOutcome outcome = timed("dq", () -> step.fromObserved(output, shared, schema));
    recordSources(seen);
    recordSinks(List.of(result), outcome.keptRows());
  }

  private void writeCheckedFromCache(Dataset<Row> output) {
    Set<String> observed = counts.namesIn(output);
    Dataset<Row> cached = output.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long mark = counts.actionsSeen("collectAsList");
      DqOutcome outcome = timed("dq", () -> new DqStep(context, summary).check(cached));
      sourcesRead = observed;
      sourcesObserved(counts.awaitAction(observed, "collectAsList", mark));
      outcome.quarantined().ifPresent(rows -> writeQuarantine(rows, outcome.quarantinedRows()));
      recordSinks(writeSinks(outcome.kept()), outcome.keptRows());
    } finally {
      cached.unpersist(false);
    }
  }

  private void writeQuarantine(Dataset<Row> rows, long count) {
    timed("quarantine", () -> new QuarantineWrite(context, summary).write(rows, count, runKey()));
  }

  /** What keys this run's quarantine: the generation an incremental run commits, else the logical date. */
  private String runKey() {
    return watermarks.isEmpty() ? logicalDate : "generation-" + watermarks.nextGeneration();
  }

  private List<SinkResult> writeSinks(Dataset<Row> data) {
    List<SinkResult> results = new ArrayList<>();
    List<SinkSpec> sinks = config.sinks();
    for (int i = 0; i < sinks.size(); i++) {
      SinkSpec sink = sinks.get(i);
      String step = "write sink " + (i + 1) + " " + sink.type() + " "
          + sink.location(config.locationStorage(), config.baseDir());
      results.add(timed("sink_" + (i + 1), () -> {
        context.describe(step);
        return SinkWriters.write(sink, data, context);
      }));
    }
    return results;
  }

  private void recordSources(Map<String, Row> observedRows) {
    observedSources = observedRows;
    progress.sources(ObservedCounts.counts(observedRows));
  }

  private void recordSinks(List<SinkResult> results, Long outputRows) {
    progress.sinks(results, outputRows);
  }

  private <T> T timed(String step, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } catch (RunFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RunFailure("Cannot " + step.replace('_', ' ') + ": " + RunFailure.firstLine(e), e);
    } finally {
      summary.duration(step, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
