package io.prodi.run;

import io.prodi.config.load.LoadedLayer;

/**
 * Runs a validated, non-dry layer config: reads, transforms, checks, writes, commits. The main class
 * gives the run its engine, so that only a main ever builds a SparkSession.
 */
public interface LayerEngine {
  /** Runs the layer, filling {@code summary}; throws {@link RunFailure} when the run fails. */
  void run(LoadedLayer layer, RunSummary summary, Console console);

  /** The engine of a build without the layer runtime: every real run fails with exit 1, never silently. */
  static LayerEngine unavailable() {
    return (layer, summary, console) -> {
      throw new RunFailure("Cannot run " + layer.config().layer().id() + ": reading sources, transforms and "
          + "writing sinks are not implemented yet; use --dry-run or plan to check the config ("
          + layer.config().uri() + ")");
    };
  }
}
