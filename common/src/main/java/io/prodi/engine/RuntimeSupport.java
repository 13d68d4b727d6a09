package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.run.RunFailure;
import io.prodi.source.SourceSpec;

/**
 * What this build's runtime cannot do yet, refused before a session starts or a row is read:
 * a config asking for it fails with exit 1 and says so, instead of silently skipping it.
 */
final class RuntimeSupport {
  private RuntimeSupport() {}

  static void check(LayerConfig config) {
    for (SourceSpec source : config.sources()) {
      if (source.watermark().isPresent() && source.type().equals("http")) {
        throw new RunFailure("Cannot read " + source.type() + " source " + source.name().orElse("")
            + " incrementally: its runtime is not implemented yet (" + config.uri() + ")");
      }
    }
  }
}
