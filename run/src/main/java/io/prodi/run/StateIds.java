package io.prodi.run;

import io.prodi.config.LayerConfig;
import io.prodi.source.SourceSpec;
import io.prodi.source.WatermarkSpec;
import org.apache.hadoop.fs.Path;

/**
 * The state id of a source's watermark: given, or {@code <dataset id or config file stem>::<layer>::<source
 * name>}. Before the layer was part of it, unnamed sources of two layers of one dataset
 * shared an id; {@link #legacy} is that older form, which a run still finds and copies on first use.
 */
public final class StateIds {
  private StateIds() {}

  public static String of(LayerConfig config, SourceSpec source, WatermarkSpec watermark) {
    return watermark.stateId().orElseGet(() -> dataset(config) + "::" + config.layer().id() + "::"
        + source.name().orElse(source.type()));
  }

  /** The id the default had before it named the layer, or empty when the config gives its own state_id. */
  public static java.util.Optional<String> legacy(LayerConfig config, SourceSpec source, WatermarkSpec watermark) {
    return watermark.stateId().isPresent() ? java.util.Optional.empty()
        : java.util.Optional.of(dataset(config) + "::" + source.name().orElse(source.type()));
  }

  /** The dataset a config belongs to: its dataset id, else its file name without extensions. */
  public static String dataset(LayerConfig config) {
    return config.datasetId().orElse(stem(config.uri()));
  }

  static String stem(String uri) {
    String name = new Path(uri).getName();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The folder of the state store: {@code state.uri}, or {@code <base-dir>/data/_state/}. */
  public static String stateUri(LayerConfig config) {
    return io.prodi.yaml.ConfigFiles.resolveAgainst(config.baseDir(), config.stateUri().orElse("data/_state/"));
  }
}
