package io.prodi.layers;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.run.LayerEngine;

/**
 * The bronze layer's Spark main class, for {@code spark-submit --class io.prodi.layers.BronzeLayer} and
 * Dataproc jobs: the options of {@code prodi run-layer} without the positional layer.
 */
public final class BronzeLayer {
  private BronzeLayer() {}

  public static void main(String[] args) {
    System.exit(Prodi.executeLayer(Layer.BRONZE, args, CliContext.system(LayerEngine.unavailable())));
  }
}
