package io.prodi.layers;

import io.prodi.cli.CliContext;
import io.prodi.cli.Prodi;
import io.prodi.config.Layer;
import io.prodi.run.LayerEngine;

/**
 * The raw layer's Spark main class, for {@code spark-submit --class io.prodi.layers.RawLayer} and
 * Dataproc jobs: the options of {@code prodi run-layer} without the positional layer.
 */
public final class RawLayer {
  private RawLayer() {}

  public static void main(String[] args) {
    System.exit(Prodi.executeLayer(Layer.RAW, args, CliContext.system(LayerEngine.unavailable())));
  }
}
