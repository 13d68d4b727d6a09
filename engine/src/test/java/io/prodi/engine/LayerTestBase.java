package io.prodi.engine;

import io.prodi.testing.LayerRunTestBase;
import io.prodi.testing.RunOutput;
import java.nio.file.Path;

/** Engine tests' layer runs: {@link LayerRuns}, without the command line. */
abstract class LayerTestBase extends LayerRunTestBase<RunOutput> {
  @Override
  protected RunOutput runLayer(String config, Path base, String... more) {
    return LayerRuns.run(config, base, more);
  }
}
