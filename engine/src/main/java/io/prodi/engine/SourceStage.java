package io.prodi.engine;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import io.prodi.config.LayerConfig;
import io.prodi.engine.source.SourceReaders;
import io.prodi.engine.spi.StepContext;
import io.prodi.source.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Stage 1 of a layer run: reads each source after its watermark (minus lag), registers its name as a
 * view, tags its rows when a step needs their origin, and observes its row count and newest
 * watermark value in whichever job reads it (no extra pass). A layer that reads one source without a
 * watermark and transforms nothing observes nothing here: its output is the source row for row, so the
 * output's own count is the source's, and the scan feeds the checks or the sink in one generated stage.
 */
final class SourceStage {
  private SourceStage() {}

  static SourcesRead read(StepContext context, Watermarks watermarks, ObservedCounts counts) {
    LayerConfig config = context.config();
    boolean tagSources = config.transform().pre().stream().anyMatch(s -> s.needsSourceTag());
    StepContext reading = context.withWatermarks(source -> watermarks.current(config, source),
        source -> watermarks.upTo(config, source));
    List<Dataset<Row>> filtered = new ArrayList<>();
    List<Dataset<Row>> observed = new ArrayList<>();
    boolean countedByOutput = config.sources().size() == 1 && config.transform().keepsEveryRow()
        && watermarks.isEmpty();
    for (int i = 0; i < config.sources().size(); i++) {
      SourceSpec source = config.sources().get(i);
      context.describe("read " + LayerProgress.label(source, i));
      Dataset<Row> data = watermarks.filter(i, SourceReaders.read(source, reading));
      filtered.add(data);
      source.name().ifPresent(data::createOrReplaceTempView);
      if (tagSources) {
        data = data.withColumn(StepContext.SOURCE_TAG, source.fileFormat().isPresent() ? input_file_name()
            : lit(source.name().orElse(source.type())));
      }
      List<Column> metrics = new ArrayList<>(List.of(count(lit(1))));
      Optional<Column> newest = watermarks.maximum(i, data);
      newest.ifPresent(metrics::add);
      // a refresh by key cuts the output to the changed keys, and Spark's optimizer may cut a source's scan away
      // whole (no key changed): its rows are not counted, nothing waits for a count that never comes
      boolean counted = !countedByOutput && config.refresh().isEmpty();
      observed.add(counted ? counts.observe(data, SourcesRead.observedName(i), metrics) : data);
    }
    Dataset<Row> input = observed.get(0);
    for (Dataset<Row> other : observed.subList(1, observed.size())) {
      input = input.unionByName(other, true);
    }
    return new SourcesRead(filtered, input, countedByOutput);
  }
}
