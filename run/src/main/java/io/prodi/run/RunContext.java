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

  public RunContext(LoadedLayer loaded, RunEnvironment env, String runId, Console console, RunSummary summary) {
    this(loaded, env, runId, console, summary, Optional.empty());
  }

  private RunContext(LoadedLayer loaded, RunEnvironment env, String runId, Console console, RunSummary summary,
      Optional<String> pool) {
    this.loaded = loaded;
    this.env = env;
    this.runId = runId;
    this.console = console;
    this.summary = summary;
    this.pool = pool;
  }

  /** The same run as a pipeline step that runs beside others, in a scheduler pool of its own. */
  public RunContext inPool(Optional<String> stepPool) {
    return new RunContext(loaded, env, runId, console, summary, stepPool);
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
