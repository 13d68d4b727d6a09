package io.prodi.layers;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.engine.SparkLayerEngine;
import io.prodi.engine.SparkSessions;

/**
 * The gold layer's Spark main class, for {@code spark-submit --class io.prodi.layers.GoldLayer} and
 * Dataproc jobs: the options of {@code prodi run-layer} without the positional layer. The session is
 * built here, and only when a real run needs it (never for a dry run).
 */
public final class GoldLayer {
  private GoldLayer() {}

  public static void main(String[] args) {
    int code = Prodi.executeLayer(Layer.GOLD, args,
        CliContext.system(new SparkLayerEngine(SparkSessions::getOrCreate)));
    System.exit(code);
  }
}
