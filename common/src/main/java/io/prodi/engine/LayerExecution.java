package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import io.prodi.sink.SinkTypes;
import io.prodi.source.FilesSourceSpec;
import io.prodi.source.SourceSpec;
import io.prodi.source.SourceTypes;
import io.prodi.transform.AddMetadataStep;
import io.prodi.transform.PreStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * One layer run on a session: read sources → pre steps → SQL → functions → (data quality) → write
 * every sink from one computation of the output → counts into the summary.
 */
final class LayerExecution {
  private final StepContext context;
  private final RunSummary summary;
  private final ObservedCounts counts;

  LayerExecution(StepContext context, RunSummary summary) {
    this.context = context;
    this.summary = summary;
    this.counts = new ObservedCounts(context.runId());
  }

  void run() {
    context.spark().listenerManager().register(counts);
    try {
      Dataset<Row> output = transform(readInput());
      writeAll(counts.observe(output, "output"));
    } finally {
      context.spark().listenerManager().unregister(counts);
      context.spark().sparkContext().setJobDescription(null);
    }
  }

  private Dataset<Row> readInput() {
    LayerConfig config = context.config();
    boolean tagSources = config.transform().pre().stream().anyMatch(s -> s instanceof AddMetadataStep);
    List<Dataset<Row>> inputs = new ArrayList<>();
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      context.describe("read " + label(source, i));
      Dataset<Row> data = SourceTypes.read(source, context);
      source.name().ifPresent(data::createOrReplaceTempView);
      if (tagSources) {
        data = data.withColumn(StepContext.SOURCE_TAG, source instanceof FilesSourceSpec
            ? org.apache.spark.sql.functions.input_file_name()
            : org.apache.spark.sql.functions.lit(source.name().orElse(source.type())));
      }
      inputs.add(counts.observe(data, "source_" + i));
    }
    Dataset<Row> input = inputs.get(0);
    for (Dataset<Row> other : inputs.subList(1, inputs.size())) {
      input = input.unionByName(other, true);
    }
    return input;
  }

  private Dataset<Row> transform(Dataset<Row> input) {
    Dataset<Row> data = input;
    for (PreStep step : context.config().transform().pre()) {
      context.describe("pre " + step.type());
      data = step.apply(data, context);
    }
    return SqlTransform.apply(data, context);
  }

  /**
   * Writes every sink. With one plain sink the output is computed by the write itself; with several
   * sinks or a merge it is computed once into Spark's cache (the count that fills the cache is the
   * computation, not an extra pass) and each sink reads the cache.
   */
  private void writeAll(Dataset<Row> output) {
    List<SinkSpec> sinks = context.config().sinks();
    boolean shared = sinks.size() > 1 || sinks.stream().anyMatch(s -> s.mode().equals("merge"));
    Set<String> observed = counts.namesIn(output);
    Dataset<Row> data = shared ? output.persist(StorageLevel.MEMORY_AND_DISK()) : output;
    if (shared) {
      timed("output", () -> {
        context.describe("compute output once for " + sinks.size() + " sinks");
        return data.count();
      });
    }
    try {
      List<SinkResult> results = new ArrayList<>();
      for (int i = 0; i < sinks.size(); i++) {
        SinkSpec sink = sinks.get(i);
        String step = "write sink " + (i + 1) + " " + sink.type() + " "
            + sink.location(context.config().locationStorage(), context.config().baseDir());
        results.add(timed("sink_" + (i + 1), () -> {
          context.describe(step);
          return SinkTypes.write(sink, data, context);
        }));
      }
      record(counts.await(observed), results);
    } finally {
      if (shared) {
        data.unpersist(false);
      }
    }
  }

  private void record(Map<String, Long> observed, List<SinkResult> results) {
    LayerConfig config = context.config();
    for (int i = 0; i < config.sources().size(); i++) {
      Long rows = observed.get("source_" + i);
      summary.sourceRows(i, rows);
      context.console().progress("[" + context.layer() + "] read " + label(config.sources().get(i), i) + ": "
          + (rows == null ? "not read by the output" : rows + " rows"));
    }
    Long outputRows = observed.get("output");
    for (int i = 0; i < results.size(); i++) {
      SinkResult result = results.get(i);
      Long rows = result.rows().orElse(outputRows);
      summary.sinkRows(i, rows, result.detail().orElse(null));
      SinkSpec sink = config.sinks().get(i);
      context.console().progress("[" + context.layer() + "] wrote " + sink.type() + " "
          + sink.location(config.locationStorage(), config.baseDir()) + " (" + sink.mode() + "): " + rows + " rows"
          + result.detail().map(d -> " (" + d + ")").orElse(""));
    }
  }

  private <T> T timed(String step, java.util.function.Supplier<T> work) {
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

  private static String label(SourceSpec source, int index) {
    return source.name().orElse("source " + (index + 1));
  }
}
