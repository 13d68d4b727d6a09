package io.prodi.layers;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.run.LayerEngine;

/**
 * The silver layer's Spark main class, for {@code spark-submit --class io.prodi.layers.SilverLayer} and
 * Dataproc jobs: the options of {@code prodi run-layer} without the positional layer.
 */
public final class SilverLayer {
  private SilverLayer() {}

  public static void main(String[] args) {
    System.exit(Prodi.executeLayer(Layer.SILVER, args, CliContext.system(LayerEngine.unavailable())));
  }
}
