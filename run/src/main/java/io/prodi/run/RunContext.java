package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import io.prodi.env.RunEnvironment;
import java.util.Optional;

/** What an engine gets for one real layer run: the loaded config, the environment, the run's id and outputs. */
public final class RunContext {
  private final LoadedLayer loaded;
  private final RunEnvironment env;
  private final String runId;
  private final Console console;
  private final RunSummary summary;
  private final Optional<String> pool;
  private final StreamBatch batch;
  private final StreamTargets targets;

  public RunContext(LoadedLayer loaded, RunEnvironment env, String runId, Console console, RunSummary summary) {
    this(loaded, env, runId, console, summary, Optional.empty(), StreamBatch.first(), new StreamTargets());
  }

  private RunContext(LoadedLayer loaded, RunEnvironment env, String runId, Console console, RunSummary summary,
      Optional<String> pool, StreamBatch batch, StreamTargets targets) {
    this.batch = batch;
    this.targets = targets;
    this.loaded = loaded;
    this.env = env;
    this.runId = runId;
    this.console = console;
    this.summary = summary;
    this.pool = pool;
  }

  /** The same run as a pipeline step that runs beside others, in a scheduler pool of its own. */
  public RunContext inPool(Optional<String> stepPool) {
    return new RunContext(loaded, env, runId, console, summary, stepPool, batch, targets);
  }

  /** The same layer's next micro-batch: a run of its own, with its own id and summary. */
  public RunContext forBatch(StreamBatch next, String batchRunId, RunSummary batchSummary) {
    return new RunContext(loaded, env, batchRunId, console, batchSummary, pool, next, new StreamTargets());
  }

  /** The same run, leaving its stream targets in {@code collector}. */
  public RunContext withTargets(StreamTargets collector) {
    return new RunContext(loaded, env, runId, console, summary, pool, batch, collector);
  }

  /** Which micro-batch of a stream this run is (the first, for a layer that reads no stream). */
  public StreamBatch batch() {
    return batch;
  }

  /** Where the engine leaves the targets its stream sources planned, for the run's next batch. */
  public StreamTargets targets() {
    return targets;
  }

  /** The scheduler pool of a step run concurrently with others; empty for a run alone. */
  public Optional<String> pool() {
    return pool;
  }

  public LoadedLayer loaded() {
    return loaded;
  }

  public RunEnvironment env() {
    return env;
  }

  public String runId() {
    return runId;
  }

  public Console console() {
    return console;
  }

  public RunSummary summary() {
    return summary;
  }
}
