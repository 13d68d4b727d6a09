package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.spi.StepContext;
import io.prodi.run.RunSummary;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import io.prodi.source.SourceSpec;
import java.util.List;
import java.util.Map;

/** A layer run's row counts: into the summary and as one progress line per source and per sink. */
final class LayerProgress {
  private final StepContext context;
  private final LayerConfig config;
  private final RunSummary summary;

  LayerProgress(StepContext context, RunSummary summary) {
    this.context = context;
    this.config = context.config();
    this.summary = summary;
  }

  /** The rows each source gave, by observed name ({@code source_<i>}); absent: the output did not read it. */
  void sources(Map<String, Long> observed) {
    for (int i = 0; i < config.sources().size(); i++) {
      Long rows = observed.get("source_" + i);
      summary.sourceRows(i, rows);
      context.console().progress("[" + context.layer() + "] read " + label(config.sources().get(i), i) + ": "
          + (rows == null ? "not read by the output" : rows + " rows"));
    }
  }

  /** What each sink wrote; a sink that reports no count wrote the output's {@code outputRows}. */
  void sinks(List<SinkResult> results, Long outputRows) {
    for (int i = 0; i < results.size(); i++) {
      SinkResult result = results.get(i);
      Long rows = result.rows().orElse(outputRows);
      summary.sinkRows(i, rows, result.detail().orElse(null));
      SinkSpec sink = config.sinks().get(i);
      String location = sink.location(config.locationStorage(), config.baseDir());
      context.console().progress("[" + context.layer() + "] wrote "
          + (location.startsWith(sink.type() + " ") ? "" : sink.type() + " ") // "table lake.crm.customers"
          + location + " (" + sink.mode() + "): " + rows + " rows"
          + result.detail().map(d -> " (" + d + ")").orElse(""));
    }
  }

  static String label(SourceSpec source, int index) {
    return source.name().orElse("source " + (index + 1));
  }
}
