package io.prodi.engine;

import io.prodi.testing.CliRun;
import io.prodi.testing.LayerRunTestBase;
import io.prodi.testing.SharedSpark;
import java.nio.file.Path;

/** Layer runs through the real command line on the shared session, with configs and data in a temp folder. */
abstract class EngineTestBase extends LayerRunTestBase<CliRun> {
  @Override
  protected CliRun runLayer(String config, Path base, String... more) {
    return SharedSpark.runLayer(config, base, more);
  }
}
