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
 * Runs the steps of a pipeline file in one JVM: in file order, or up to {@code parallel} at once as their
 * dependencies ({@link PipelineGraph}) allow; no new step starts after the first failure. Every step's
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
    return execute(request, 1);
  }

  /** Runs the pipeline with at most {@code parallel} steps at once (1: one after another, in file order). */
  public int execute(RunRequest request, int parallel) {
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
      requests.add(request.forStep(step.config(), Optional.of(step.layer()), stepVars)
          .inPipeline(request.configUri(), step.name()));
    }
    List<LoadedLayer> loaded = new ArrayList<>();
    if (!allValid(requests, loaded)) {
      return LayerRun.INVALID;
    }
    PipelineGraph graph;
    try {
      graph = PipelineGraph.of(request.configUri(), steps, loaded);
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, true));
      return LayerRun.INVALID;
    }
    engine.expect(loaded);
    StepScheduler.Outcome outcome = new StepScheduler(parallel).run(graph, (step, number) -> {
      console.progress("[pipeline] step " + number + "/" + steps.size() + " " + step.name() + ": "
          + step.step().config());
      return runStep(requests.get(step.index()), step, parallel > 1);
    });
    if (outcome.code() != LayerRun.OK) {
      console.error("Cannot continue pipeline: step " + outcome.failedStep() + " exited with " + outcome.code()
          + " (" + graph.step(outcome.failedStep()).step().config() + ")");
      if (!outcome.notStarted().isEmpty()) {
        console.progress("[pipeline] not started: " + String.join(", ", outcome.notStarted()));
      }
    }
    return outcome.code();
  }

  private int runStep(RunRequest request, StepNode step, boolean concurrent) {
    try {
      if (!concurrent) {
        return layerRun.execute(request, step.loaded(), Optional.empty());
      }
      // side by side, every line of the step names it: two raw steps are [raw] and [raw-2]
      Console named = console.forStep(step.loaded().config().layer().id(), step.name());
      return new LayerRun(named, engine).execute(request, step.loaded(), Optional.of(step.name()));
    } catch (ConfigException e) { // a problem found at run time: exit 2, as a step alone gives
      e.problems().forEach(p -> console.problem(p, true));
      return LayerRun.INVALID;
    } catch (RuntimeException e) { // never leave the other steps' threads without an answer
      console.error("Cannot run step " + step.name() + ": " + RunFailure.firstLine(e));
      console.trace(e);
      return LayerRun.FAILED;
    }
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
