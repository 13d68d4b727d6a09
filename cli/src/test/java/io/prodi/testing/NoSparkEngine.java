package io.prodi.testing;

import io.prodi.run.LayerEngine;
import io.prodi.run.RunContext;
import io.prodi.run.RunFailure;

/**
 * A hand-written fake engine for command-line tests that must never start Spark: every real run
 * fails with exit 1 and says so, so a test that reaches it by mistake cannot pass silently.
 */
public final class NoSparkEngine implements LayerEngine {
  @Override
  public void run(RunContext context) {
    throw new RunFailure("Cannot run " + context.loaded().config().layer().id() + ": this test's engine has no "
        + "Spark (" + context.loaded().config().uri() + ")");
  }
}
