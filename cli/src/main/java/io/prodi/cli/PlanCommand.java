package io.prodi.cli;

import io.prodi.config.load.ConfigFileKind;
import io.prodi.config.load.LoadedLayer;
import io.prodi.config.load.PipelineFile;
import io.prodi.config.load.RunVariables;
import io.prodi.run.Console;
import io.prodi.run.LayerRun;
import io.prodi.run.Plan;
import io.prodi.run.RunContext;
import io.prodi.run.RunRequest;
import io.prodi.run.RunSummary;
import io.prodi.yaml.ConfigException;
import io.prodi.yaml.ConfigProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plan -c CFG}: what a run would read, transform, check and write; no Spark, nothing written. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print what a run would read, transform, check and write.")
public final class PlanCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  RunOptions options;

  @Option(names = "--analyze", description = "Also start Spark and resolve the SQL against the sources' schemas.")
  boolean analyze;

  private final CliContext context;

  PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Console console = options.console(context);
    RunRequest request = options.request(context, options.singleConfig(), options.layerOption());
    Map<String, String> vars = RunVariables.of(request.start(), "plan", request.vars());
    try {
      if (ConfigFileKind.ofFile(request.files(), request.configUri(), vars) == ConfigFileKind.PIPELINE) {
        return planPipeline(console, request, vars);
      }
      return plan(console, request);
    } catch (ConfigException e) {
      e.problems().forEach(p -> console.problem(p, p.severity() == ConfigProblem.Severity.ERROR));
      return LayerRun.INVALID;
    }
  }

  /** A pipeline file given with -c: the plan of each step, in order. */
  private int planPipeline(Console console, RunRequest request, Map<String, String> vars) {
    List<PipelineFile.Step> steps = PipelineFile.read(request.files(), request.configUri(), vars, request.baseDir());
    console.result("[pipeline] " + request.configUri() + " (" + steps.size() + " steps)");
    int code = LayerRun.OK;
    for (PipelineFile.Step step : steps) {
      Map<String, String> stepVars = new HashMap<>(request.vars());
      stepVars.putAll(step.vars());
      code = Math.max(code, plan(console, request.forStep(step.config(), Optional.of(step.layer()), stepVars)));
    }
    return code;
  }

  private int plan(Console console, RunRequest request) {
    LoadedLayer loaded = LayerRun.load(request, "plan");
    loaded.problems().forEach(p -> console.problem(p, false));
    Plan.lines(loaded.config(), false).forEach(console::result);
    if (analyze) {
      String schema = context.engine().analyze(new RunContext(loaded, request.env(), "plan", console,
          new RunSummary(loaded.config().layer().id(), "plan", loaded.config().uri(), request.start())));
      console.result("[" + loaded.config().layer().id() + "] analyzed: the SQL resolves; output schema:");
      console.result(schema.stripTrailing());
    }
    return LayerRun.OK;
  }
}
