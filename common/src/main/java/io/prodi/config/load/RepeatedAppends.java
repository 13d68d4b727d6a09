package io.prodi.config.load;

import io.prodi.config.LayerConfig;
import io.prodi.sink.SinkSpec;
import io.prodi.yaml.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental layer that appends to a sink whose appends a rerun cannot recognise (a database or BigQuery
 * table: no transaction of the run is kept with the rows). A run killed after that write and before the watermark
 * commit appends the same rows again when it is rerun; each such sink is a warning at its YAML path.
 */
final class RepeatedAppends {
  private RepeatedAppends() {}

  static List<ConfigProblem> of(LayerConfig config) {
    List<ConfigProblem> warnings = new ArrayList<>();
    if (config.sources().stream().noneMatch(s -> s.watermark().isPresent())) {
      return warnings;
    }
    List<SinkSpec> sinks = config.sinks();
    for (int i = 0; i < sinks.size(); i++) {
      SinkSpec sink = sinks.get(i);
      if (sink.mode().appends() && !sink.appendsOnceOnRerun()) {
        warnings.add(new ConfigProblem(config.uri(), sinks.size() == 1 ? "io.sink" : "io.sink[" + i + "]",
            "Cannot append to a " + sink.type() + " sink exactly once: a rerun after a crash between this write and "
                + "the watermark commit appends the rows again; overwrite by partition or merge into a table instead ("
                + sink.location(config.locationStorage(), config.baseDir()) + ")", ConfigProblem.Severity.WARNING));
      }
    }
    return warnings;
  }
}
