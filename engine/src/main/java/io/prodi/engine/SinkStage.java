package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.engine.sink.SinkWriters;
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
      results.add(timer.timed("sink_" + (i + 1), () -> {
        context.describe(step);
        return SinkWriters.write(sink, data, context);
      }));
    }
    return results;
  }
}
