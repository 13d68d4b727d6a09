package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.sink.SinkWriters;
import io.prodi.engine.spi.RefreshWrite;
import io.prodi.engine.spi.StepContext;
import io.prodi.sink.SinkResult;
import io.prodi.sink.SinkSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Writes what the checks kept to every sink, in order, each a named and timed step. */
final class SinkStage {
  private SinkStage() {}

  static List<SinkResult> writeAll(StepContext context, StepTimer timer, Dataset<Row> data) {
    LayerConfig config = context.config();
    List<SinkResult> results = new ArrayList<>();
    List<SinkSpec> sinks = config.sinks();
    for (int i = 0; i < sinks.size(); i++) {
      SinkSpec sink = sinks.get(i);
      String step = "write sink " + (i + 1) + " " + sink.type() + " "
          + sink.location(config.locationStorage(), config.baseDir());
      boolean extract = i > 0 && context.refreshWrite().filter(r -> !r.isWhole()).isPresent();
      results.add(timer.timed("sink_" + (i + 1), () -> {
        context.describe(step);
        return extract ? SinkWriters.write(sink, firstSinkTable(context), context.withRefreshWrite(RefreshWrite.whole()))
            : SinkWriters.write(sink, data, context);
      }));
    }
    return results;
  }

  /**
   * The first sink's table as its refresh by key left it: what a later sink of a refreshing layer (an extract that
   * cannot replace rows by key, a CSV file) is rewritten from, whole.
   */
  private static Dataset<Row> firstSinkTable(StepContext context) {
    LayerConfig config = context.config();
    SinkSpec first = config.sinks().get(0);
    if (first.catalogTable().isPresent()) {
      return context.spark().table(first.catalogTable().get());
    }
    return context.spark().read().format("delta").load(first.location(config.locationStorage(), config.baseDir()));
  }
}
