package io.prodi.layers;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.engine.SparkSessions;

/**
 * The raw layer's Spark main class, for {@code spark-submit --class io.prodi.layers.RawLayer} and
 * Dataproc jobs: the options of {@code prodi run-layer} without the positional layer. The session is
 * built here, and only when a real run needs it (never for a dry run).
 */
public final class RawLayer {
  private RawLayer() {}

  public static void main(String[] args) {
    int code = Prodi.executeLayer(Layer.RAW, args,
        CliContext.system(new SparkLayerEngine(SparkSessions::getOrCreate)));
    System.exit(code);
  }
}
