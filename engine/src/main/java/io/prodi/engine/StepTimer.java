package io.prodi.engine;

import io.prodi.run.RunFailure;
import io.prodi.run.RunSummary;
import java.util.function.Supplier;

/** Times a step of a layer run into the summary's durations; a failure of Spark becomes "Cannot <step>: ...". */
final class StepTimer {
  private final RunSummary summary;

  StepTimer(RunSummary summary) {
    this.summary = summary;
  }

  <T> T timed(String step, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } catch (RunFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RunFailure("Cannot " + step.replace('_', ' ') + ": " + RunFailure.firstLine(e), e);
    } finally {
      summary.duration(step, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
