package io.prodi.run;

import io.prodi.config.LayerConfig;
import io.prodi.source.SourceSpec;
import io.prodi.source.WatermarkSpec;
import org.apache.hadoop.fs.Path;

/** The state id of a source's watermark: given, or {@code <dataset id or config file stem>::<source name>}. */
public final class StateIds {
  private StateIds() {}

  public static String of(LayerConfig config, SourceSpec source, WatermarkSpec watermark) {
    return watermark.stateId().orElseGet(() ->
        config.datasetId().orElse(stem(config.uri())) + "::" + source.name().orElse(source.type()));
  }

  static String stem(String uri) {
    String name = new Path(uri).getName();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The folder of the state store: {@code state.uri}, or {@code <base-dir>/data/_state/}. */
  public static String stateUri(LayerConfig config) {
    return io.prodi.config.load.ConfigFiles.resolveAgainst(config.baseDir(), config.stateUri().orElse("data/_state/"));
  }
}
