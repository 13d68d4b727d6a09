package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import io.prodi.env.RunEnvironment;

/** What an engine gets for one real layer run: the loaded config, the environment, the run's id and outputs. */
public final class RunContext {
  private final LoadedLayer loaded;
  private final RunEnvironment env;
  private final String runId;
  private final Console console;
  private final RunSummary summary;

  public RunContext(LoadedLayer loaded, RunEnvironment env, String runId, Console console, RunSummary summary) {
    this.loaded = loaded;
    this.env = env;
    this.runId = runId;
    this.console = console;
    this.summary = summary;
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
