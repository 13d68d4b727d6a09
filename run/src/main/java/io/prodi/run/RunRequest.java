package io.prodi.run;

import io.prodi.config.Layer;
import io.prodi.env.RunEnvironment;
import io.prodi.yaml.ConfigFiles;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What one layer run was asked to do: the config, and the options of */
public final class RunRequest {
  private final String configUri;
  private final Optional<Layer> layer;
  private final Map<String, String> vars;
  private final RunEnvironment env;
  private final boolean dryRunFlag;
  private final Optional<Boolean> dqFailOnError;
  private final String baseDir;
  private final Optional<String> summaryUri;
  private final ConfigFiles files;
  private final Instant start;
  private final Optional<String> pipeline;
  private final Optional<String> step;

  public RunRequest(String configUri, Optional<Layer> layer, Map<String, String> vars, RunEnvironment env,
      boolean dryRunFlag, Optional<Boolean> dqFailOnError, String baseDir, Optional<String> summaryUri,
      ConfigFiles files, Instant start) {
    this(configUri, layer, vars, env, dryRunFlag, dqFailOnError, baseDir, summaryUri, files, start, Optional.empty(),
        Optional.empty());
  }

  private RunRequest(String configUri, Optional<Layer> layer, Map<String, String> vars, RunEnvironment env,
      boolean dryRunFlag, Optional<Boolean> dqFailOnError, String baseDir, Optional<String> summaryUri,
      ConfigFiles files, Instant start, Optional<String> pipeline, Optional<String> step) {
    this.pipeline = pipeline;
    this.step = step;
    this.configUri = configUri;
    this.layer = layer;
    this.vars = Map.copyOf(vars);
    this.env = env;
    this.dryRunFlag = dryRunFlag;
    this.dqFailOnError = dqFailOnError;
    this.baseDir = baseDir;
    this.summaryUri = summaryUri;
    this.files = files;
    this.start = start;
  }

  /** The same request for another config, layer and variables: a pipeline step. */
  public RunRequest forStep(String stepConfig, Optional<Layer> stepLayer, Map<String, String> stepVars) {
    return new RunRequest(stepConfig, stepLayer, stepVars, env, dryRunFlag, dqFailOnError, baseDir, summaryUri,
        files, Instant.now());
  }

  public String configUri() {
    return configUri;
  }

  public Optional<Layer> layer() {
    return layer;
  }

  /** The variables given with --vars (built-ins are added per run). */
  public Map<String, String> vars() {
    return vars;
  }

  public RunEnvironment env() {
    return env;
  }

  public boolean dryRunFlag() {
    return dryRunFlag;
  }

  public Optional<Boolean> dqFailOnError() {
    return dqFailOnError;
  }

  public String baseDir() {
    return baseDir;
  }

  public Optional<String> summaryUri() {
    return summaryUri;
  }

  public ConfigFiles files() {
    return files;
  }

  public Instant start() {
    return start;
  }

  /** The same request as step {@code stepName} of the pipeline file {@code pipelineUri}. */
  public RunRequest inPipeline(String pipelineUri, String stepName) {
    return new RunRequest(configUri, layer, vars, env, dryRunFlag, dqFailOnError, baseDir, summaryUri, files, start,
        Optional.of(pipelineUri), Optional.of(stepName));
  }

  /** The pipeline file this run is a step of; empty for a layer run alone. */
  public Optional<String> pipeline() {
    return pipeline;
  }

  /** The step's name in its pipeline; empty for a layer run alone. */
  public Optional<String> step() {
    return step;
  }
}
