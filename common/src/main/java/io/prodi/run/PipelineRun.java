package io.prodi.run;

import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.config.load.RunVariables;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the steps of a pipeline file in order in one JVM, stopping at the first failure. Every step's
 * config is validated before the first one runs, so a mistake in the last step costs no cluster time.
 */
public final class PipelineRun {
  public static final String NO_STEPS = "No steps defined in pipeline. Nothing to execute.";

  private final Console console;
  private final LayerRun layerRun;

  private final LayerEngine engine;

  public PipelineRun(Console console, LayerEngine engine) {
    this.console = console;
    this.engine = engine;
    this.layerRun = new LayerRun(console, engine);
  }

  public int execute(RunRequest request) {
    Map<String, String> runVars = new HashMap<>(request.vars());
    runVars.putIfAbsent("run_id", RunVariables.newRunId(request.start()));
    List<PipelineFile.Step> steps;
    try {
      steps = PipelineFile.read(request.files(), request.configUri(),
          RunVariables.of(request.start(), runVars.get("run_id"), runVars), request.baseDir());
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return LayerRun.INVALID;
    }
    if (steps.isEmpty()) {
      console.result(NO_STEPS);
      return LayerRun.OK;
    }
    List<RunRequest> requests = new ArrayList<>();
    for (PipelineFile.Step step : steps) {
      Map<String, String> stepVars = new HashMap<>(runVars);
      stepVars.putAll(step.vars());
      requests.add(request.forStep(step.config(), Optional.of(step.layer()), stepVars));
    }
    List<LoadedLayer> loaded = new ArrayList<>();
    if (!allValid(requests, loaded)) {
      return LayerRun.INVALID;
    }
    engine.expect(loaded);
    for (int i = 0; i < steps.size(); i++) {
      console.progress("[pipeline] step " + (i + 1) + "/" + steps.size() + " " + steps.get(i).name() + ": "
          + steps.get(i).config());
      int code = layerRun.execute(requests.get(i), loaded.get(i));
      if (code != LayerRun.OK) {
        console.error("Cannot continue pipeline: step " + steps.get(i).name() + " exited with " + code
            + " (" + steps.get(i).config() + ")");
        return code;
      }
    }
    return LayerRun.OK;
  }

  private boolean allValid(List<RunRequest> requests, List<LoadedLayer> loaded) {
    boolean valid = true;
    for (RunRequest request : requests) {
      try {
        loaded.add(LayerRun.load(request, request.vars().get("run_id")));
      } catch (ConfigException e) {
        e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
        valid = false;
      }
    }
    return valid;
  }
}
