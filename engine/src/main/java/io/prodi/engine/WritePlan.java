package io.prodi.engine;

import io.prodi.config.LayerConfig;
import io.prodi.dq.ExpectationSpec;
import io.prodi.dq.OnFail;
import io.prodi.engine.dq.DataQuality;
import io.prodi.engine.dq.WriteGuard;
import io.prodi.sink.SinkSpec;
import java.util.List;

/**
 * How a layer run computes and writes its output, decided once from the config: whether the output is
 * computed once into Spark's cache before the first sink writes ({@link CachedWrite}), or written
 * straight from the plan with the counts and the expectations' aggregates observed during that write
 * ({@link ObservedWrite}: one pass, no cache).
 */
final class WritePlan {
  private final boolean cachesOutput;
  private final boolean recordsIntent;

  private WritePlan(boolean cachesOutput, boolean recordsIntent) {
    this.cachesOutput = cachesOutput;
    this.recordsIntent = recordsIntent;
  }

  /**
   * The output is cached when several sinks read it, when an incremental run appends (its intent is
   * recorded before anything lands; {@code incremental} is false for a stream, whose intent is its planned range),
   * or, with expectations, when a failure must stop the run before any write (unless a stream's {@link WriteGuard}
   * enforces it during the write), a quarantine reads the output too, the sink is a merge (which reads its source twice),
   * or an aggregate cannot be observed during a write.
   */
  static WritePlan of(LayerConfig config, boolean incremental) {
    return of(config, incremental, false);
  }

  /**
   * As {@link #of(LayerConfig, boolean)}, for a run that may refresh by key: its rows (the changed keys') are cached,
   * since the merge that replaces them reads them in jobs of its own, where Spark does not always report what a
   * write observes.
   */
  static WritePlan of(LayerConfig config, boolean incremental, boolean refreshesByKey) {
    List<SinkSpec> sinks = config.sinks();
    List<ExpectationSpec> expectations = config.dq().expectations();
    boolean appendsIncrementally = incremental && sinks.stream().anyMatch(s -> s.mode().appends());
    boolean mayStop = config.dq().failOnError() && expectations.stream().anyMatch(e -> e.onFail() == OnFail.FAIL);
    boolean quarantines = expectations.stream().anyMatch(e -> e.onFail() == OnFail.QUARANTINE);
    boolean checkedWhileWriting = !expectations.isEmpty() && (!mayStop || WriteGuard.applies(config)) && !quarantines
        && !sinks.get(0).mode().mergesByKey() && DataQuality.observable(expectations);
    boolean cachesOutput = sinks.size() > 1 || appendsIncrementally || refreshesByKey
        || (!expectations.isEmpty() && !checkedWhileWriting);
    return new WritePlan(cachesOutput, incremental && cachesOutput);
  }

  boolean cachesOutput() {
    return cachesOutput;
  }

  /**
   * Whether the run records the watermarks it will commit before any sink writes, so that a rerun
   * after a crash reads exactly what this run read: an incremental run whose output is cached (its
   * sources' counts are in before the first write).
   */
  boolean recordsIntent() {
    return recordsIntent;
  }
}
