package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationResult;
import io.prodi.engine.dq.DqCheck;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunSummary;
import io.prodi.sink.WriteTxn;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One layer run on a session, as a chain of stages that each return an immutable result:
 * <ol>
 *   <li>{@link SourceStage}: sources read after their watermarks, counted as they are read ({@link SourcesRead});
 *   <li>{@link TransformStage}: pre steps, SQL and functions make the output;
 *   <li>{@link DqCheck#checkSchema}: columns_exist on the schema, before any job;
 *   <li>the write stage {@link WritePlan} chose once: {@link CachedWrite} or {@link ObservedWrite}
 *       (the checks' shared pass, the decision, the quarantine, every sink: a {@link Written});
 *   <li>the counts into the summary (the sources' as soon as they are in), then the watermarks commit, last.
 * </ol>
 */
final class LayerExecution {
  private final StepContext context;
  private final LayerConfig config;
  private final String logicalDate;
  private final RunSummary summary;
  private final io.prodi.run.StreamBatch batch;
  private final io.prodi.run.StreamTargets targets;

  LayerExecution(StepContext context, RunSummary summary, String logicalDate, io.prodi.run.StreamBatch batch,
      io.prodi.run.StreamTargets targets) {
    this.batch = batch;
    this.targets = targets;
    this.context = context;
    this.config = context.config();
    this.logicalDate = logicalDate;
    this.summary = summary;
  }

  void run() {
    io.prodi.engine.spi.PlatformDataSources.require(context.spark(), config);
    Refresh refresh = Refresh.start(context, summary);
    try {
      run(refresh, refresh.pinned(context));
    } finally {
      refresh.release();
    }
  }

  private void run(Refresh refresh, StepContext context) {
    Watermarks watermarks = Watermarks.start(context, context.env(), batch);
    watermarks.recordStream(summary, targets, config.trigger().describe());
    if (watermarks.streamsHaveNothingNew()) {
      nothingNew(watermarks);
      return;
    }
    StepContext dated = context.withLogicalDate(logicalDate);
    StepContext run = watermarks.isEmpty() ? dated
        : dated.withWriteTxn(new WriteTxn(watermarks.stateIds(), watermarks.nextGeneration()));
    ObservedCounts counts = new ObservedCounts(context.runId());
    context.spark().listenerManager().register(counts);
    try {
      SourcesRead sources = SourceStage.read(run, watermarks, counts);
      Dataset<Row> output = refresh.cut(run, sources, TransformStage.apply(run, sources.input()));
      StepContext writing = refresh.writing(run);
      recordSchemas(sources, output);
      DqCheck dq = new DqCheck(writing, summary);
      List<ExpectationResult> schema = dq.checkSchema(output);
      WritePlan plan = WritePlan.of(config, watermarks.observesIntent(), refresh.byKey());
      LayerProgress progress = new LayerProgress(writing, summary);
      BiConsumer<Map<String, Row>, Long> sourcesIn = (observed, outputRows) -> {
        Map<String, Row> counted = sources.withOutputCount(observed, outputRows);
        progress.sources(ObservedCounts.counts(counted));
        if (plan.recordsIntent()) {
          watermarks.intend(sources.bySource(counted), run.runId());
        }
      };
      StepTimer timer = new StepTimer(summary);
      Written written = plan.cachesOutput()
          ? new CachedWrite(writing, summary, counts, timer).write(output, dq, schema, sourcesIn, runKey(watermarks))
          : new ObservedWrite(writing, counts, timer).write(output, dq, schema, sourcesIn);
      progress.sinks(written.sinks(), written.outputRows());
      watermarks.commit(sources.bySource(written.sourceMetrics()), sources.readBy(written), summary, run.runId());
      refresh.commit(run.runId());
    } finally {
      run.finish();
      watermarks.release();
      context.spark().listenerManager().unregister(counts);
      context.spark().sparkContext().setJobDescription(null);
    }
  }

  /** A micro-batch whose streams have nothing new: nothing is read or written; a first run's offsets commit. */
  private void nothingNew(Watermarks watermarks) {
    try {
      context.console().progress("[" + config.layer().id() + "] micro-batch " + batch.number() + ": nothing new");
      watermarks.commit(Map.of(), java.util.Set.of(), summary, context.runId());
    } finally {
      watermarks.release();
    }
  }

  private void recordSchemas(SourcesRead sources, Dataset<Row> output) {
    List<org.apache.spark.sql.types.StructType> schemas = sources.schemas();
    for (int i = 0; i < schemas.size(); i++) {
      summary.schema(SourcesRead.observedName(i), fields(schemas.get(i)));
    }
    summary.schema("output", fields(output.schema()));
  }

  private static List<Map.Entry<String, String>> fields(org.apache.spark.sql.types.StructType schema) {
    List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
    for (org.apache.spark.sql.types.StructField field : schema.fields()) {
      out.add(Map.entry(field.name(), field.dataType().simpleString()));
    }
    return out;
  }

  /** What keys this run's quarantine: the generation an incremental run commits, else the logical date. */
  private String runKey(Watermarks watermarks) {
    return watermarks.isEmpty() ? logicalDate : "generation-" + watermarks.nextGeneration();
  }
}
